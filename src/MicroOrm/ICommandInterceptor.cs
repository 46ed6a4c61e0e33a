using System;

namespace MicroOrm;

/// <summary>
/// Sees every command a database object sends, in the one pipeline that sends them (queries, writes, raw SQL, sync
/// and async): before it is sent (<see cref="Executing"/>: look at it, tag it with a comment, or refuse it by
/// throwing), and after it ran (<see cref="Executed"/>) or failed (<see cref="Failed"/>). Register it in
/// <see cref="MicroOrmOptions.Interceptors"/>, or as an <c>ICommandInterceptor</c> service for dependency injection.
/// Its methods are synchronous and called on the command's own flow, so keep them quick. An exception from one fails
/// the command (a refusal in <see cref="Executing"/> sends nothing), and the connection goes back to the pool as after
/// any failure.
/// </summary>
public interface ICommandInterceptor
{
    /// <summary>Before the command is sent. Throw to refuse it; <see cref="CommandContext.Tag"/> to add a comment to its SQL.</summary>
    void Executing(CommandContext command);

    /// <summary>After the command ran: how long it took and how many rows it read or wrote.</summary>
    void Executed(CommandContext command, CommandOutcome outcome);

    /// <summary>After the command failed, with what the caller is given (values left out unless sensitive logging is on).</summary>
    void Failed(CommandContext command, TimeSpan duration, Exception exception);
}

/// <summary>What a command did: how long it took, and the rows it read (or wrote, when <see cref="Wrote"/>).</summary>
/// <param name="Duration">From sending the command to its last row.</param>
/// <param name="Rows">The rows read, or written.</param>
/// <param name="Wrote">Whether <paramref name="Rows"/> were written.</param>
public readonly record struct CommandOutcome(TimeSpan Duration, long Rows, bool Wrote);
