using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Configuration;

namespace MicroOrm.Execution.Topology;

/// <summary>
/// One server of a topology: its own pool (so its telemetry names it and its sessions are its own), whether it may
/// become the primary, and what the probes last found.
/// </summary>
internal sealed class ServerMember(ServerAddress address, PooledConnectionSource pool, bool isCandidate, PooledConnectionSource? causalPool)
{
    private readonly string _name = address.ToString();
    private int _health;
    private string? _appliedPosition;

    public ServerAddress Address { get; } = address;

    /// <summary>The server's pool; a pool is dropped and built again when the server fails (its sessions are dead or demoted).</summary>
    public PooledConnectionSource Pool { get; } = pool;

    /// <summary>Whether writes may go to it: the connection string's server and the failover servers (every written-to Galera node).</summary>
    public bool IsCandidate { get; } = isCandidate;

    /// <summary>
    /// On a Galera node, the pool for causal reads: sessions that are never reset, each made to wait for the cluster
    /// (<c>wsrep_sync_wait</c>) once, when opened. A reset session lost causality in about 2 reads of 1,000 here
    /// (MariaDB 10.11), though its <c>wsrep_sync_wait</c> still read 1; a session never reset lost none.
    /// </summary>
    public PooledConnectionSource? CausalPool { get; } = causalPool;

    public MemberHealth Health => (MemberHealth)Volatile.Read(ref _health);

    /// <summary>Sets the health; returns the one it had, so the caller reports a change once.</summary>
    public MemberHealth Become(MemberHealth health) => (MemberHealth)Interlocked.Exchange(ref _health, (int)health);

    /// <summary>
    /// Whether the replica was seen to have applied <paramref name="position"/>, or a later position of the same
    /// replication domain: a read after a write at that position needs no wait.
    /// </summary>
    public bool HasApplied(string position) =>
        Volatile.Read(ref _appliedPosition) is { } applied && (applied == position || WriteHistory.IsBefore(position, applied));

    /// <summary>
    /// Remembers that the replica has applied <paramref name="position"/>. Several database objects share the member
    /// and wait for positions of their own: an older position than the one remembered is not taken, so the remembered
    /// one only moves forward.
    /// </summary>
    public void Applied(string position)
    {
        while (true)
        {
            var known = Volatile.Read(ref _appliedPosition);
            if (known is not null && WriteHistory.IsBefore(position, known)) return;
            if (Interlocked.CompareExchange(ref _appliedPosition, position, known) == known) return;
        }
    }

    /// <summary>Drops every pooled session of the server, in both its pools: after a failure they are dead or demoted.</summary>
    public async ValueTask ClearAsync(IOBehavior io)
    {
        await Pool.ClearAsync(io).ConfigureAwait(false);
        if (CausalPool is { } causal) await causal.ClearAsync(io).ConfigureAwait(false);
    }

    /// <summary>Its address as text, made once: a routed read names it in the log.</summary>
    public override string ToString() => _name;
}

/// <summary>What the probes and failures last said of a server; only <see cref="Up"/> takes reads.</summary>
internal enum MemberHealth
{
    Up,

    /// <summary>It does not answer.</summary>
    Down,

    /// <summary>A replica further behind than the lag limit.</summary>
    Lagging,

    /// <summary>A replica whose replication threads have stopped, or that replicates from nobody.</summary>
    NotReplicating,

    /// <summary>A Galera node that is not synced with the cluster (<c>wsrep_ready</c> is OFF).</summary>
    NotSynced,
}
