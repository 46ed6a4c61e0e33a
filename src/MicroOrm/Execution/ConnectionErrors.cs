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
    public static MicroOrmException Translate(MySqlException exception, PooledConnectionSource source)
    {
        var server = $"{source.Telemetry.ServerAddress}:{source.Telemetry.ServerPort.ToString(CultureInfo.InvariantCulture)}";
        var reason = exception.Message.TrimEnd('.');
        var number = exception.Number;
        var message = number switch
        {
            1045 => $"The server at {server} refused the login: {reason}. Check the user and password",
            1049 => $"The server at {server} has no database {Quoted(source.DatabaseName)}: {reason}. Check the database name",
            1040 => $"The server at {server} has too many connections: {reason}. Lower the pools' maximum sizes or raise max_connections",
            _ when IsPoolExhausted(exception) =>
                $"The connection pool is exhausted: all {source.MaximumPoolSize.ToString(CultureInfo.InvariantCulture)} connections (Maximum Pool Size) are in use and none was released within the connection timeout of {source.ConnectionTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s. Release connections sooner (dispose readers and transactions) or raise the maximum pool size",
            _ when exception.ErrorCode == MySqlErrorCode.UnableToConnectToHost =>
                $"Could not connect to the server at {server}: {reason}. Is it running, and on this host and port",
            _ => $"Could not open a connection to the server at {server}: {reason}",
        };
        var end = message.EndsWith("port", StringComparison.Ordinal) ? "?" : ".";
        return new MicroOrmException(message + end + $" (error {number.ToString(CultureInfo.InvariantCulture)})", exception, serverErrorCode: number == 0 ? null : number);
    }

    private static bool IsPoolExhausted(MySqlException exception) =>
        exception.Message.Contains("pooled connections are in use", StringComparison.OrdinalIgnoreCase);

    private static string Quoted(string name) => "'" + name + "'";
}
