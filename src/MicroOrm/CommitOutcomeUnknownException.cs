using System;

namespace MicroOrm;

/// <summary>
/// The connection failed while COMMIT was in flight, so nobody knows whether the transaction was committed. It is
/// never retried automatically, since a retry could apply the work twice; check the outcome (for example with the
/// <c>verifyCommitted</c> callback of <c>RunInTransactionAsync</c>) before doing the work again.
/// </summary>
public sealed class CommitOutcomeUnknownException : MicroOrmException
{
    /// <summary>Creates the exception.</summary>
    public CommitOutcomeUnknownException(Exception innerException)
        : base("The connection failed during the commit: the transaction may or may not have been committed. Check before retrying.", innerException, SqlBuilding.SessionSql.Commit.Text)
    {
    }

    /// <summary>
    /// The server's id of the session whose COMMIT was lost (<c>CONNECTION_ID()</c>), or 0 when unknown. That session
    /// may still be committing on the server; once it is gone from the process list, its outcome is final.
    /// </summary>
    internal int ServerSession { get; init; }

    /// <summary>When the COMMIT was sent (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), to tell a server restarted since from one that was not.</summary>
    internal long SentAt { get; init; }
}
