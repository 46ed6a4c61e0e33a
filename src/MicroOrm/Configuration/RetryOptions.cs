using System;

namespace MicroOrm;

/// <summary>
/// How <c>RunInTransactionAsync</c> retries a whole unit of work after a transient failure (a deadlock, a lock wait
/// timeout, too many connections, a connection refused before anything was sent): exponential backoff with jitter,
/// capped in attempts and in total time.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included (1 turns retrying off; at most 1,000).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each later wait doubles (1 millisecond to 1 minute).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest single wait (at least <see cref="BaseDelay"/>, at most 5 minutes).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most time all attempts together may take before the last failure is thrown (at least 1 second).</summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A copy.</summary>
    public RetryOptions Clone() => (RetryOptions)MemberwiseClone();
}
