using System;
using System.Threading;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Stops a running command when the caller's token is cancelled or the command timeout passes, by asking the server to
/// kill the query (<see cref="MySqlCommand.Cancel"/>). MicroOrm hands MySqlConnector no token and no timeout of its
/// own for a command: MySqlConnector cancels from a timer or token callback that throws when the connection has just
/// broken (it reads the dead socket's address), and an exception there ends the whole process. Here the callback
/// cannot throw. MySqlConnector's own command timeout stays set, later than this one, as the backstop for a server that
/// does not answer the kill: MicroOrm's connection strings carry Cancellation Timeout=-1, so that backstop closes the
/// socket rather than running the same throwing cancel from MySqlConnector's timer.
/// </summary>
/// <remarks>
/// Guards are reused: each thread keeps a spare, so a command does not allocate one. A guard's generation moves on
/// each time it starts guarding a command, and a timeout found by the timer thread for an earlier generation does
/// nothing, so a guard that has moved on to the next command is never cancelled on behalf of the last one.
/// </remarks>
internal sealed class CommandGuard : IDisposable
{
    /// <summary>Seconds MySqlConnector's own timeout waits after ours, for the kill to work first.</summary>
    private const int BackstopSeconds = 5;

    [ThreadStatic]
    private static CommandGuard? t_spare;

    private MySqlCommand? _command;
    private int _timeoutMilliseconds;
    private CancellationTokenRegistration _registration;
    private int _timedOut;
    private bool _done = true;
    private long _generation;

    /// <summary>Whether the command timeout passed (rather than the caller cancelling).</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

    // The links, deadline and generation of CommandTimeouts' list, changed only under its lock.
    internal CommandGuard? Previous { get; set; }

    internal CommandGuard? Next { get; set; }

    internal CommandGuard? NextExpired { get; set; }

    internal long Deadline { get; private set; }

    internal bool Expired { get; set; }

    internal long Generation => _generation;

    /// <summary>The generation the timer found expired, for <see cref="TimeOut"/>.</summary>
    internal long ExpiredGeneration { get; set; }

    /// <summary>
    /// Guards <paramref name="command"/>; <see langword="null"/> when there is nothing to guard against (no token that
    /// can be cancelled, no timeout). Sets the command's own timeout to the backstop.
    /// </summary>
    public static CommandGuard? Start(MySqlCommand command, CancellationToken cancellationToken, int timeoutSeconds)
    {
        command.CommandTimeout = timeoutSeconds == 0 ? 0 : timeoutSeconds + BackstopSeconds;
        if (!cancellationToken.CanBeCanceled && timeoutSeconds <= 0) return null;
        var guard = t_spare ?? new CommandGuard();
        t_spare = null;
        guard.Begin(command, cancellationToken, timeoutSeconds);
        return guard;
    }

    /// <summary>Starts the timeout again: a streaming reader times each read, not the consumer's pauses between rows.</summary>
    public void Restart()
    {
        if (_timeoutMilliseconds > 0 && !TimedOut) Deadline = Environment.TickCount64 + _timeoutMilliseconds;
    }

    /// <summary>
    /// What to throw for <paramref name="exception"/>, raised by the guarded command: an <see cref="OperationCanceledException"/>
    /// when the caller cancelled, the timeout error when the time ran out, or <see langword="null"/> when the guard had
    /// nothing to do with it.
    /// </summary>
    public Exception? Explain(Exception exception, SqlStatement statement, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return exception as OperationCanceledException ?? new OperationCanceledException("The operation was cancelled; the query was stopped on the server.", exception, cancellationToken);
        if (TimedOut)
        {
            return new MicroOrmException(
                "The command did not finish within the command timeout (CommandTimeout) and was cancelled, while running: " + statement.Text,
                exception,
                statement.Text);
        }

        return null;
    }

    /// <summary>Ends the guarding and keeps the guard as this thread's spare.</summary>
    public void Dispose()
    {
        // Waits for a cancel in progress, so that it cannot reach a later command on the same (reused) MySqlCommand.
        _registration.Dispose();
        _registration = default;
        if (_timeoutMilliseconds > 0) CommandTimeouts.Remove(this);
        lock (this)
        {
            _done = true;
            _command = null;
        }

        t_spare ??= this;
    }

    /// <summary>Called by <see cref="CommandTimeouts"/> once the deadline of generation <paramref name="generation"/> has passed.</summary>
    internal void TimeOut(long generation)
    {
        lock (this)
        {
            if (_done || generation != _generation) return;
            Volatile.Write(ref _timedOut, 1);
            CancelCommand();
        }
    }

    private void Begin(MySqlCommand command, CancellationToken cancellationToken, int timeoutSeconds)
    {
        lock (this)
        {
            _generation++;
            _command = command;
            _done = false;
        }

        Volatile.Write(ref _timedOut, 0);
        Expired = false;
        _timeoutMilliseconds = timeoutSeconds * 1000;
        if (cancellationToken.CanBeCanceled) _registration = cancellationToken.UnsafeRegister(static state => ((CommandGuard)state!).Cancel(), this);
        if (timeoutSeconds > 0)
        {
            Deadline = Environment.TickCount64 + _timeoutMilliseconds;
            CommandTimeouts.Add(this);
        }
    }

    private void Cancel()
    {
        // The guard is internal and never exposed, so its own monitor serves as the gate.
        lock (this)
        {
            if (!_done) CancelCommand();
        }
    }

    private void CancelCommand()
    {
        try
        {
            _command?.Cancel();
        }
        catch (Exception)
        {
            // The connection broke while the kill was being sent: the command fails on its own, and nothing may escape
            // a timer or token callback.
        }
    }
}
