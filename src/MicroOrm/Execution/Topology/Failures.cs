using System;
using MySqlConnector;

namespace MicroOrm.Execution.Topology;

/// <summary>
/// The failures that say something about the server rather than the statement: it cannot be reached, it no longer
/// takes writes (it was demoted), or it is a Galera node not ready for queries.
/// </summary>
internal static class Failures
{
    /// <summary>The <see cref="Exception.Data"/> key that marks a failure after which the topology found a new primary, so a unit of work runs again.</summary>
    public const string FailedOverKey = "MicroOrm.FailedOver";

    /// <summary>The server did not answer: it could not be reached, or the connection broke.</summary>
    public static bool IsUnreachable(Exception failure) => failure switch
    {
        MicroOrmException { ServerErrorCode: { } number } => IsUnreachable(number),
        MicroOrmException { InnerException: { } inner } => IsUnreachable(inner),
        MySqlException server => IsUnreachable(server.Number) || server.ErrorCode == MySqlErrorCode.UnableToConnectToHost || ServerErrors.IsConnectionLost(server),
        System.IO.IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    /// <summary>
    /// The server refused a write because it is read-only (a replica, or a primary demoted by a failover):
    /// ER_OPTION_PREVENTS_STATEMENT (1290, "--read-only"), ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION (1792) on a session
    /// whose transactions default to read-only, ER_READ_ONLY_MODE (1836). The statement did not run.
    /// </summary>
    public static bool IsReadOnly(Exception failure) => Number(failure) is 1290 or 1792 or 1836;

    /// <summary>
    /// A Galera node that is not part of the primary component, or not synced: it answers every query with
    /// ER_UNKNOWN_COM_ERROR (1047, "WSREP has not yet prepared node for application use"). The statement did not run.
    /// </summary>
    public static bool IsNotReady(Exception failure) => Number(failure) == 1047;

    /// <summary>Whether the topology found a new primary after <paramref name="failure"/>, so the unit of work it ended may run again.</summary>
    public static bool FailedOver(Exception failure) =>
        failure.Data.Contains(FailedOverKey) || failure.InnerException is { } inner && inner.Data.Contains(FailedOverKey);

    private static bool IsUnreachable(int number) => number is 1042 or 2002 or 2003 or 2006 or 2013 or (int)MySqlErrorCode.UnableToConnectToHost;

    private static int? Number(Exception failure) => failure switch
    {
        MicroOrmException { ServerErrorCode: { } number } => number,
        MySqlException server => server.Number,
        _ => null,
    };
}
