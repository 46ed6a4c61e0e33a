using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Configuration;
using MicroOrm.Diagnostics;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Execution.Topology;

/// <summary>
/// Failover. MicroOrm promotes nothing: when the primary stops answering or answers as read-only, it asks each
/// candidate in turn, from the current primary on, whether it takes writes (<c>@@read_only</c> is 0, and on Galera
/// the node is ready), and writes go to the first that does. The old primary's pool is dropped, since its sessions are
/// dead or belong to a server that no longer takes writes.
/// </summary>
internal sealed partial class TopologyConnectionSource
{
    private readonly SemaphoreSlim _failover = new(1, 1);

    /// <summary>Set when the primary failed, so the next lease looks for the writable candidate first.</summary>
    private int _primarySuspect;

    /// <summary>When the last search found no candidate that takes writes (a <see cref="Stopwatch"/> timestamp; 0: it found one).</summary>
    private long _foundNoneAt;

    /// <summary>Whether there is anywhere to fail over to.</summary>
    public bool CanFailOver => _candidates.Length > 1;

    /// <summary>
    /// Notes that <paramref name="member"/> failed as the primary would (unreachable, read-only, a Galera node not
    /// ready): the next lease for a write looks for the writable candidate first.
    /// </summary>
    public void PrimaryFailed(ServerMember member)
    {
        if (CanFailOver && ReferenceEquals(member, Primary)) Volatile.Write(ref _primarySuspect, 1);
    }

    /// <summary>The member whose pool <paramref name="origin"/> is, or <see langword="null"/>.</summary>
    public ServerMember? MemberOf(ConnectionSource? origin)
    {
        foreach (var member in _members)
        {
            if (ReferenceEquals(member.Pool, origin) || ReferenceEquals(member.CausalPool, origin)) return member;
        }

        return null;
    }

    /// <summary>
    /// A lease on the primary. With <paramref name="causal"/> on Galera, from its causal pool: a session that waits for
    /// every write the cluster committed, which a read needs after a failover (the new primary may not have applied
    /// what the old one committed) and when it asks whether a lost commit happened.
    /// </summary>
    private async ValueTask<ConnectionLease> AcquirePrimaryAsync(IOBehavior io, CancellationToken cancellationToken, bool causal = false)
    {
        if (Volatile.Read(ref _primarySuspect) == 1) await FailoverAsync("the primary failed", io, cancellationToken).ConfigureAwait(false);
        var primary = Primary;
        try
        {
            var lease = await PoolOf(primary, causal).AcquireAsync(io, cancellationToken).ConfigureAwait(false);
            Learn(lease);
            return lease;
        }
        catch (MicroOrmException failure) when (Failures.IsUnreachable(failure) && CanFailOver)
        {
            // Nothing was sent, so leasing from another server is safe; once.
            PrimaryFailed(primary);
            await FailoverAsync(failure.Message, io, cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(Primary, primary)) throw;
            var lease = await PoolOf(Primary, causal).AcquireAsync(io, cancellationToken).ConfigureAwait(false);
            Learn(lease);
            return lease;
        }
    }

    /// <summary>A lease on the primary for a read that must see every committed write (causal on Galera).</summary>
    public ValueTask<ConnectionLease> AcquirePrimaryForCheckAsync(IOBehavior io, CancellationToken cancellationToken) => AcquirePrimaryAsync(io, cancellationToken, causal: true);

    private static PooledConnectionSource PoolOf(ServerMember member, bool causal) => causal && member.CausalPool is { } pool ? pool : member.Pool;

    /// <summary>Finds the candidate that takes writes, from the current primary on; one caller at a time, the others wait and use its answer.</summary>
    public async ValueTask FailoverAsync(string reason, IOBehavior io, CancellationToken cancellationToken)
    {
        if (io == IOBehavior.Asynchronous) await _failover.WaitAsync(cancellationToken).ConfigureAwait(false);
        else _failover.Wait(cancellationToken);
        try
        {
            if (Volatile.Read(ref _primarySuspect) == 0) return;
            // Callers waiting here while a search found nothing use its answer until the next probe, instead of each
            // asking every candidate again (a connect timeout each, for a candidate that does not answer).
            if (_foundNoneAt != 0 && Stopwatch.GetElapsedTime(_foundNoneAt) < _topology.ProbeInterval) return;
            var current = Volatile.Read(ref _primary);
            for (var i = 0; i < _candidates.Length; i++)
            {
                var index = (current + i) % _candidates.Length;
                var candidate = _candidates[index];
                if (!await TakesWritesAsync(candidate, io, cancellationToken).ConfigureAwait(false)) continue;
                Volatile.Write(ref _primarySuspect, 0);
                _foundNoneAt = 0;
                if (index == current) return;
                var previous = _candidates[current];
                Volatile.Write(ref _primary, index);
                await previous.ClearAsync(io).ConfigureAwait(false);
                FailedOver(candidate, previous, reason);
                return;
            }

            // None takes writes now: writes go on to the current primary and fail there, and a later one looks again.
            _foundNoneAt = Stopwatch.GetTimestamp();
            if (_logger is { } logger) Log.NoWritableServer(logger, string.Join(", ", _candidates.Select(c => c.ToString())), Primary.ToString());
        }
        finally
        {
            _failover.Release();
        }
    }

    /// <summary>Whether <paramref name="member"/> answers and takes writes: <c>read_only</c> off, and on Galera, ready.</summary>
    private async ValueTask<bool> TakesWritesAsync(ServerMember member, IOBehavior io, CancellationToken cancellationToken)
    {
        ConnectionLease lease;
        try
        {
            lease = await member.Pool.AcquireAsync(io, cancellationToken).ConfigureAwait(false);
        }
        catch (MicroOrmException)
        {
            return false;
        }

        try
        {
            if (_topology.Kind == ClusterKind.Galera && !await GaleraReadyAsync(member, lease, io, cancellationToken).ConfigureAwait(false)) return false;
            var readOnly = await SessionCommands.ScalarAsync(member.Pool.Telemetry, lease, TopologySql.ReadOnly, io, cancellationToken).ConfigureAwait(false);
            return readOnly is not null && Convert.ToInt64(readOnly, System.Globalization.CultureInfo.InvariantCulture) == 0;
        }
        catch (MicroOrmException)
        {
            return false;
        }
        finally
        {
            await lease.ReleaseAsync(io).ConfigureAwait(false);
        }
    }

    private static async ValueTask<bool> GaleraReadyAsync(ServerMember member, ConnectionLease lease, IOBehavior io, CancellationToken cancellationToken)
    {
        var row = await SessionCommands.FirstRowAsync(member.Pool.Telemetry, lease, TopologySql.GaleraReady, io, cancellationToken).ConfigureAwait(false);
        return row is not null && row.TryGetValue("Value", out var value) && string.Equals(value as string, "ON", StringComparison.OrdinalIgnoreCase);
    }

    private void FailedOver(ServerMember primary, ServerMember previous, string reason)
    {
        if (MicroOrmTelemetry.FailoverCounter.Enabled) MicroOrmTelemetry.FailoverCounter.Add(1, ServerTags(primary));

        if (_logger is { } logger) Log.FailedOver(logger, primary.ToString(), previous.ToString(), reason);
    }
}
