using System;
using System.Data;
using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm.Execution;

/// <summary>
/// Runs a unit of work in a transaction, and runs it again from the start after a transient failure, with exponential
/// backoff and jitter, within the attempts and total time the retry options allow. Every attempt has its own
/// transaction, rolled back in full before the next begins.
/// </summary>
internal static class UnitOfWork
{
    public static async Task<T> RunAsync<T>(
        DatabaseContext database, Func<Transaction, CancellationToken, Task<T>> work, IsolationLevel isolationLevel, bool isReadOnly, RetryOptions retry, CancellationToken cancellationToken)
    {
        var clock = database.Options.TimeProvider;
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.RunOnceAsync(work, isolationLevel, isReadOnly, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (TransientFailures.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Delay(retry, attempt);
                if (attempt >= retry.MaxAttempts || clock.GetElapsedTime(started) + delay > retry.MaxTotalTime)
                {
                    exception.Data["MicroOrm.Attempts"] = attempt;
                    throw;
                }

                database.Executor.Telemetry.Retrying(attempt, retry.MaxAttempts, delay, exception as MicroOrmException ?? new MicroOrmException(exception.Message, exception));
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Half the exponential step, plus a random part up to the other half ("equal jitter"), capped at the maximum.</summary>
    internal static TimeSpan Delay(RetryOptions retry, int attempt)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, retry.MaxDelay.TotalMilliseconds);
        var half = capped / 2;
        return TimeSpan.FromMilliseconds(half + (Random.Shared.NextDouble() * half));
    }
}
