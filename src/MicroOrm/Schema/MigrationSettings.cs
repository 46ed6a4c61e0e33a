using System;

namespace MicroOrm.Schema;

/// <summary>How the runner waits for the lock, and the points a test can stop it at (as a process killed there would stop).</summary>
internal sealed class MigrationSettings
{
    /// <summary>How long a runner waits for another to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a lock row holds without renewal: a dead runner's row is taken over after it.</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a runner waiting for the lock row asks again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Whether GET_LOCK is tried first (the lock row is always the fallback).</summary>
    public bool UseGetLock { get; init; } = true;

    /// <summary>Called after a step ran, before it is recorded (<c>recorded</c> false), and after (true); a test throws here.</summary>
    public Action<long, int, bool>? AfterStep { get; init; }
}
