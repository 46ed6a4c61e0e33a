using System;
using System.Globalization;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Turns a failure to open a connection into one <see cref="MicroOrmException"/> that names the server and the cause
/// and says what to check. The connection string (and its password) is never repeated.
/// </summary>
internal static class ConnectionErrors
{
    /// <param name="failure">What MySqlConnector threw: usually a <see cref="MySqlException"/>, at times a bare socket or I/O exception.</param>
    /// <param name="source">The pool that tried to open the connection.</param>
    public static MicroOrmException Translate(Exception failure, PooledConnectionSource source)
    {
        var server = $"{source.Telemetry.ServerAddress}:{source.Telemetry.ServerPort.ToString(CultureInfo.InvariantCulture)}";
        var reason = failure.Message.TrimEnd('.');
        if (failure is not MySqlException exception)
        {
            return new MicroOrmException($"Could not connect to the server at {server}: {reason}. Is it running, and on this host and port? (error 1042)", failure, serverErrorCode: 1042);
        }

        var number = exception.Number;
        if (IsPoolExhausted(exception))
        {
            // Not transient either: waiting again for the same full pool would only double the wait.
            return new MicroOrmException(
                $"The connection pool is exhausted: all {source.MaximumPoolSize.ToString(CultureInfo.InvariantCulture)} connections (Maximum Pool Size) are in use and none was released within the connection timeout of {source.ConnectionTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s. Release connections sooner (dispose readers and transactions) or raise the maximum pool size.",
                exception);
        }

        if (TlsProblem(exception, source, server) is { } tls)
        {
            // Not transient: the same settings meet the same server the same way next time.
            return new MicroOrmException(tls, exception);
        }

        var message = number switch
        {
            1045 => $"The server at {server} refused the login: {reason}. Check the user and password",
            1049 => $"The server at {server} has no database {Quoted(source.DatabaseName)}: {reason}. Check the database name",
            1040 => $"The server at {server} has too many connections: {reason}. Lower the pools' maximum sizes or raise max_connections",
            _ when exception.ErrorCode == MySqlErrorCode.UnableToConnectToHost =>
                $"Could not connect to the server at {server}: {reason}. Is it running, and on this host and port",
            _ => $"Could not open a connection to the server at {server}: {reason}",
        };
        var end = message.EndsWith("port", StringComparison.Ordinal) ? "?" : ".";
        return new MicroOrmException(message + end + $" (error {number.ToString(CultureInfo.InvariantCulture)})", exception, serverErrorCode: number == 0 ? null : number);
    }

    private static string? TlsProblem(MySqlException exception, PooledConnectionSource source, string server)
    {
        var mode = source.SslMode;
        if (exception.Message.Contains("does not support SSL", StringComparison.OrdinalIgnoreCase))
        {
            return $"The server at {server} does not offer TLS, which SslMode {mode} demands: turn TLS on at the server (ssl_cert and ssl_key), or use SslMode Preferred or None.";
        }

        if (exception.InnerException is System.Security.Authentication.AuthenticationException authentication)
        {
            var check = mode == MySqlSslMode.VerifyFull ? " and that it names the host you connect to" : "";
            return $"The server at {server} presented a TLS certificate that SslMode {mode} does not accept ({authentication.Message.TrimEnd('.')}): check that SslCa is the certificate authority that signed it{check}.";
        }

        return null;
    }

    private static bool IsPoolExhausted(MySqlException exception) =>
        exception.Message.Contains("pooled connections are in use", StringComparison.OrdinalIgnoreCase);

    private static string Quoted(string name) => "'" + name + "'";
}
