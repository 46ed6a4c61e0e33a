using System;
using System.Threading.Tasks;

namespace MicroOrm.Execution;

/// <summary>
/// Whether a call does its I/O synchronously or asynchronously. Every operation is written once, as a method that
/// takes this and returns a <see cref="ValueTask"/>: asynchronous callers await it, synchronous callers pass
/// <see cref="Synchronous"/>, every driver call underneath is then MySqlConnector's own synchronous one, and the task
/// is complete when it returns (as in MySqlConnector's own command executor). Neither API wraps the other.
/// </summary>
internal enum IOBehavior
{
    Asynchronous,
    Synchronous,
}

/// <summary>Takes the result of an operation run with <see cref="IOBehavior.Synchronous"/>.</summary>
internal static class Synchronously
{
    public static T Result<T>(ValueTask<T> task) => task.IsCompleted ? task.GetAwaiter().GetResult() : throw NotCompleted();

    public static void Wait(ValueTask task)
    {
        if (!task.IsCompleted) throw NotCompleted();
        task.GetAwaiter().GetResult();
    }

    // A synchronous call that reached an asynchronous await is a bug in MicroOrm: it would block on a thread-pool
    // task (sync-over-async), which this refuses to do.
    private static InvalidOperationException NotCompleted() =>
        new("MicroOrm's synchronous path did not complete synchronously; this is a bug in MicroOrm, please report it.");
}
