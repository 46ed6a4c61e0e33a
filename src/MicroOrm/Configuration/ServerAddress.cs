using System;
using System.Globalization;

namespace MicroOrm.Configuration;

/// <summary>A server of a topology: a host and a port, read from <c>host</c> or <c>host:port</c> (an IPv6 address in brackets).</summary>
internal readonly record struct ServerAddress(string Host, int Port)
{
    /// <exception cref="MicroOrmConfigurationException">The text is not a host with an optional port from 1 to 65535; the message names <paramref name="option"/>.</exception>
    public static ServerAddress Parse(string option, string? text, int defaultPort)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) throw new MicroOrmConfigurationException(option, "a server is a host or host:port, and this one is empty.");
        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < value.Length && value[close + 1] != ':')) throw NotAServer(option, value);
            host = value[1..close];
            if (close + 1 < value.Length) port = value[(close + 2)..];
        }
        else if (value.IndexOf(':') is var colon and > 0 && colon == value.LastIndexOf(':'))
        {
            host = value[..colon];
            port = value[(colon + 1)..];
        }
        else
        {
            host = value; // a host name, or an IPv6 address without a port
        }

        var number = defaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            throw new MicroOrmConfigurationException(option, $"'{value}' has no valid port; write host or host:port, with a port from 1 to 65535.");
        }

        if (host.Length == 0 || host.AsSpan().IndexOfAny(",;= ") >= 0) throw NotAServer(option, value);
        return new ServerAddress(host, number);
    }

    private static MicroOrmConfigurationException NotAServer(string option, string value) => new(option, $"'{value}' is not a host or host:port.");

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
