using System;
using System.Data;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Execution;

/// <summary>
/// Runs a unit of work in a transaction, and runs it again from the start after a transient failure, with exponential
/// backoff and jitter, within the attempts and total time the retry options allow. Every attempt has its own
/// transaction, rolled back in full before the next begins. A commit whose outcome is unknown is never run again
/// blindly: only when the caller's <c>verifyCommitted</c> check says the commit did not happen.
/// </summary>
internal static class UnitOfWork
{
    /// <summary>How often the process list is looked at while a killed session winds down (a rollback takes milliseconds).</summary>
    private static readonly TimeSpan SessionPoll = TimeSpan.FromMilliseconds(5);

    /// <summary>Reads the second column of <c>SHOW GLOBAL STATUS LIKE 'Uptime'</c>: the server's uptime in seconds.</summary>
    private static readonly DelegateRowReader<long> UptimeReader = new(static reader => long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture));

    public static async ValueTask<T> RunAsync<T>(
        DatabaseContext database,
        UnitWork<T> work,
        Func<CancellationToken, ValueTask<bool>>? verifyCommitted,
        IsolationLevel isolationLevel,
        bool isReadOnly,
        IOBehavior io,
        CancellationToken cancellationToken)
    {
        var retry = database.Options.Retry;
        var clock = database.Options.TimeProvider;
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            T result = default!;
            Exception failure;
            try
            {
                return await database.RunOnceAsync(
                    async (transaction, ct) => result = await work(transaction, ct).ConfigureAwait(false),
                    isolationLevel,
                    isReadOnly,
                    io,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (CommitOutcomeUnknownException unknown) when (verifyCommitted is not null && !cancellationToken.IsCancellationRequested)
            {
                bool? outcome;
                // The check's reads go to the primary: a replica could answer before the commit, if it happened, reaches it.
                using (database.Executor.ReadPrimaryOnly())
                {
                    await SettleAsync(database, unknown, retry, started, io, cancellationToken).ConfigureAwait(false);
                    outcome = await CommittedAsync(database, verifyCommitted, retry, started, io, cancellationToken).ConfigureAwait(false);
                }

                if (outcome is not { } committed) throw;
                if (committed) return result;
                failure = unknown;
            }
            catch (Exception exception) when (TransientFailures.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                failure = exception;
            }

            var delay = Delay(retry, attempt);
            if (Exhausted(retry, clock, started, attempt, delay))
            {
                failure.Data["MicroOrm.Attempts"] = attempt;
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            database.Executor.Telemetry.Retrying(attempt, retry.MaxAttempts, delay, failure as MicroOrmException ?? new MicroOrmException(failure.Message, failure));
            await WaitAsync(delay, clock, io, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits out a retry delay on the options' clock: a timer awaited, or, for a synchronous unit, the calling thread
    /// blocked on the same timer (no I/O happens meanwhile, so this is not sync-over-async).
    /// </summary>
    internal static async ValueTask WaitAsync(TimeSpan delay, TimeProvider clock, IOBehavior io, CancellationToken cancellationToken)
    {
        if (io == IOBehavior.Asynchronous)
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var elapsed = new ManualResetEventSlim();
        using var timer = clock.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), elapsed, delay, Timeout.InfiniteTimeSpan);
        elapsed.Wait(cancellationToken);
    }

    /// <summary>Whether another attempt, after <paramref name="delay"/>, would go past the attempts or the time allowed.</summary>
    private static bool Exhausted(RetryOptions retry, TimeProvider clock, long started, int attempt, TimeSpan delay) =>
        attempt >= retry.MaxAttempts || clock.GetElapsedTime(started) + delay > retry.MaxTotalTime;

    /// <summary>Half the exponential step, plus a random part up to the other half ("equal jitter"), capped at the maximum.</summary>
    internal static TimeSpan Delay(RetryOptions retry, int attempt)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, retry.MaxDelay.TotalMilliseconds);
        var half = capped / 2;
        return TimeSpan.FromMilliseconds(half + (Random.Shared.NextDouble() * half));
    }

    /// <summary>
    /// Makes the lost COMMIT's outcome final before anyone looks at it. The session that sent it may still be
    /// committing (or may not have read the COMMIT yet), and a check that runs meanwhile on another connection sees
    /// the rows as not committed, runs the unit again, and then the first commit lands too. So the session is ended
    /// (<c>KILL CONNECTION</c>: what it has not committed is rolled back) and the process list is watched until it is
    /// gone, which happens only once its transaction has ended one way or the other.
    /// A server that has restarted since the COMMIT was sent ended the session itself, and may have given its id to
    /// someone else's session since (ids start again from 1), so it is not killed then: the server's uptime says which.
    /// This is best effort: when the server cannot be reached, the check's own retries decide.
    /// </summary>
    private static async ValueTask SettleAsync(DatabaseContext database, CommitOutcomeUnknownException unknown, RetryOptions retry, long started, IOBehavior io, CancellationToken cancellationToken)
    {
        if (unknown.ServerSession <= 0) return;
        var clock = database.Options.TimeProvider;
        try
        {
            var uptime = await database.Executor.ListAsync(new CommandRequest(SessionSql.Uptime, null, cancellationToken), UptimeReader, io).ConfigureAwait(false);
            var sinceCommit = Stopwatch.GetElapsedTime(unknown.SentAt);
            // A server up for less time than has passed since the COMMIT started after it. Uptime counts whole seconds,
            // rounded down, and is read before the time since the COMMIT: both errors lean towards not killing.
            if (uptime.Count == 0 || uptime[0] < sinceCommit.TotalSeconds) return;
            await database.Executor.ExecuteAsync(new CommandRequest(SessionSql.KillSession(unknown.ServerSession), null, cancellationToken), io).ConfigureAwait(false);
            var present = (await database.GetDialectAsync(io, cancellationToken).ConfigureAwait(false)).SessionPresent(unknown.ServerSession);
            while (await database.Executor.ScalarAsync<long>(new CommandRequest(present, null, cancellationToken), io).ConfigureAwait(false) > 0)
            {
                if (clock.GetElapsedTime(started) > retry.MaxTotalTime) return;
                await WaitAsync(SessionPoll, clock, io, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // ER_NO_SUCH_THREAD (the session is gone already), a server that cannot be reached, or a borrowed connection
            // that is the broken one: nothing more to wait for here.
        }
    }

    /// <summary>
    /// Asks the caller's check whether the commit happened, retrying the check itself while the server is unreachable
    /// (it may be restarting); <see langword="null"/> when no answer came within the retry budget.
    /// </summary>
    private static async ValueTask<bool?> CommittedAsync(
        DatabaseContext database, Func<CancellationToken, ValueTask<bool>> verifyCommitted, RetryOptions retry, long started, IOBehavior io, CancellationToken cancellationToken)
    {
        var clock = database.Options.TimeProvider;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await verifyCommitted(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (TransientFailures.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Delay(retry, attempt);
                if (Exhausted(retry, clock, started, attempt, delay)) return null;
                await WaitAsync(delay, clock, io, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
