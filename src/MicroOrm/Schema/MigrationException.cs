using System;

namespace MicroOrm;

/// <summary>
/// A migration could not be applied: a step failed (the message names the migration, the step, what it does and the
/// server's reason; the steps before it are applied and recorded, and the next run resumes at this one), an applied
/// migration's file has changed, or the lock was not free in time.
/// </summary>
public sealed class MigrationException : MicroOrmException
{
    internal MigrationException(string message, long version, int? step = null, Exception? innerException = null, string? sql = null)
        : base(message, innerException, sql, serverErrorCode: (innerException as MicroOrmException)?.ServerErrorCode)
    {
        Version = version;
        Step = step;
    }

    /// <summary>The migration's version.</summary>
    public long Version { get; }

    /// <summary>The step (from 1) that failed, or <see langword="null"/> when no step ran.</summary>
    public int? Step { get; }
}
