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
        : base("The connection failed during COMMIT: the transaction may or may not have been committed. Check before retrying.", innerException, "COMMIT")
    {
    }
}
