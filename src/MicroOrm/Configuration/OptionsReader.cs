using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using MySqlConnector;

namespace MicroOrm.Configuration;

/// <summary>
/// Reads <see cref="MicroOrmOptions"/> from a configuration section by hand, key by key, so that it works trimmed and
/// under NativeAOT (the configuration binder reflects). A key it does not know, or a value it cannot read, fails
/// with the key's full path; durations are written as <c>hh:mm:ss</c> (<c>00:00:05</c>).
/// </summary>
internal static class OptionsReader
{
    public static void Read(IConfiguration section, MicroOrmOptions options)
    {
        foreach (var child in section.GetChildren())
        {
            var value = child.Value;
            switch (child.Key.ToUpperInvariant())
            {
                case "CONNECTIONSTRING": options.ConnectionString = value; break;
                case "MINIMUMPOOLSIZE": options.MinimumPoolSize = Int(child); break;
                case "MAXIMUMPOOLSIZE": options.MaximumPoolSize = Int(child); break;
                case "CONNECTIONTIMEOUT": options.ConnectionTimeout = Duration(child); break;
                case "COMMANDTIMEOUT": options.CommandTimeout = Duration(child); break;
                case "CONNECTIONIDLETIMEOUT": options.ConnectionIdleTimeout = Duration(child); break;
                case "SSLMODE": options.SslMode = SslMode(child); break;
                case "SSLCA": options.SslCa = value; break;
                case "SLOWCOMMANDTHRESHOLD": options.SlowCommandThreshold = Duration(child); break;
                case "ENABLESENSITIVEDATALOGGING": options.EnableSensitiveDataLogging = Bool(child); break;
                case "DIALECT": options.Dialect = Dialect(child); break;
                case "RETRY": ReadRetry(child, options.Retry); break;
                case "TOPOLOGY": ReadTopology(child, options.Topology ??= new TopologyOptions()); break;
                default: throw Unknown(child, "ConnectionString, MinimumPoolSize, MaximumPoolSize, ConnectionTimeout, CommandTimeout, ConnectionIdleTimeout, SslMode, SslCa, SlowCommandThreshold, EnableSensitiveDataLogging, Dialect, Retry, Topology");
            }
        }
    }

    private static void ReadRetry(IConfigurationSection section, RetryOptions retry)
    {
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "MAXATTEMPTS": retry.MaxAttempts = Int(child); break;
                case "BASEDELAY": retry.BaseDelay = Duration(child); break;
                case "MAXDELAY": retry.MaxDelay = Duration(child); break;
                case "MAXTOTALTIME": retry.MaxTotalTime = Duration(child); break;
                default: throw Unknown(child, "MaxAttempts, BaseDelay, MaxDelay, MaxTotalTime");
            }
        }
    }

    private static void ReadTopology(IConfigurationSection section, TopologyOptions topology)
    {
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "FAILOVERSERVERS": topology.FailoverServers = Servers(child); break;
                case "REPLICAS": topology.Replicas = Servers(child); break;
                case "READCONSISTENCY": topology.ReadConsistency = Named<ReadConsistency>(child, "ReadYourWrites, Eventual, StickyPrimary or Primary"); break;
                case "READYOURWRITESTIMEOUT": topology.ReadYourWritesTimeout = Duration(child); break;
                case "STICKYPRIMARYWINDOW": topology.StickyPrimaryWindow = Duration(child); break;
                case "MAXREPLICALAG": topology.MaxReplicaLag = Duration(child); break;
                case "PROBEINTERVAL": topology.ProbeInterval = Duration(child); break;
                case "KIND": topology.Kind = Named<ClusterKind>(child, "Replication or Galera"); break;
                default: throw Unknown(child, "FailoverServers, Replicas, ReadConsistency, ReadYourWritesTimeout, StickyPrimaryWindow, MaxReplicaLag, ProbeInterval, Kind");
            }
        }
    }

    /// <summary>A list of servers: an array section (<c>"Replicas": ["db2:3306", "db3"]</c>) or one comma-separated value.</summary>
    private static List<string> Servers(IConfigurationSection key)
    {
        var servers = new List<string>();
        if (key.Value is { } value)
        {
            foreach (var server in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) servers.Add(server);
            return servers;
        }

        foreach (var item in key.GetChildren())
        {
            if (string.IsNullOrWhiteSpace(item.Value)) throw Invalid(item, "a server, host or host:port");
            servers.Add(item.Value.Trim());
        }

        return servers;
    }

    private static T Named<T>(IConfigurationSection key, string expected)
        where T : struct, Enum =>
        Enum.TryParse<T>(key.Value, ignoreCase: true, out var named) && Enum.IsDefined(named) && !int.TryParse(key.Value, out _)
            ? named
            : throw Invalid(key, expected);

    private static int Int(IConfigurationSection key) =>
        int.TryParse(key.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(key, "a whole number");

    private static bool Bool(IConfigurationSection key) =>
        bool.TryParse(key.Value, out var flag) ? flag : throw Invalid(key, "true or false");

    private static TimeSpan Duration(IConfigurationSection key) =>
        TimeSpan.TryParse(key.Value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw Invalid(key, "a duration such as 00:00:05");

    private static MySqlSslMode SslMode(IConfigurationSection key) =>
        Enum.TryParse<MySqlSslMode>(key.Value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(key.Value, out _)
            ? mode
            : throw Invalid(key, "None, Preferred, Required, VerifyCA or VerifyFull");

    private static ServerDialect Dialect(IConfigurationSection key) =>
        Enum.TryParse<ServerDialect>(key.Value, ignoreCase: true, out var dialect) && Enum.IsDefined(dialect) && !int.TryParse(key.Value, out _)
            ? dialect
            : throw Invalid(key, "Detect, MariaDb, MySql80, MySql84 or MySql9");

    private static MicroOrmConfigurationException Invalid(IConfigurationSection key, string expected) =>
        new(key.Path, $"'{key.Value}' is not valid here; expected {expected}.");

    private static MicroOrmConfigurationException Unknown(IConfigurationSection key, string known) =>
        new(key.Path, $"is not a MicroOrm option; the options are {known}.");
}
