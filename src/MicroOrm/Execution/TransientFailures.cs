using System;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Which failures of a unit of work are worth running it again for: the server chose it as a deadlock victim (1213),
/// a lock wait timed out (1205, 1614), the server had too many connections (1040), or the connection could not be
/// opened or was lost before COMMIT was sent, in which case the server rolled the transaction back; and an optimistic
/// concurrency conflict, which a unit that reads before it writes resolves by running again; and, with a topology, a
/// write a demoted primary refused as read-only, once the topology has gone to find the new one. Never a
/// duplicate key, a syntax or data error, a cancellation, or a failure during COMMIT.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        CommitOutcomeUnknownException => false,
        _ when Topology.Failures.FailedOver(exception) => true, // a demoted primary refused it; a new one takes it
        ConcurrencyException => true,  // the unit read a version someone else has since replaced: run it again on fresh data
        OperationCanceledException => false,
        MicroOrmException { ServerErrorCode: { } number } => IsTransient(number),
        MySqlException server => IsTransient(server.Number),
        _ => false,
    };

    private static bool IsTransient(int number) => number switch
    {
        1040 => true,  // ER_CON_COUNT_ERROR: too many connections
        1205 => true,  // ER_LOCK_WAIT_TIMEOUT
        1213 => true,  // ER_LOCK_DEADLOCK
        1614 => true,  // ER_XA_RBDEADLOCK: rolled back after a deadlock
        (int)MySqlErrorCode.UnableToConnectToHost => true, // connection refused or unreachable: nothing was sent
        2006 => true,  // CR_SERVER_GONE_ERROR
        2013 => true,  // CR_SERVER_LOST: the session, and its uncommitted transaction, are gone
        _ => false,
    };
}
