using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Configuration;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Execution.Topology;

/// <summary>
/// Probing, on a timer of its own: every reader is asked whether it is up and keeping up (a replica's threads running
/// and its lag under the limit; a Galera node ready), so a failed server comes back into rotation once it is well,
/// and a lagging or stopped one goes out before a read finds it. The primary is asked whether it still takes writes,
/// so that a demotion is found before a write fails on it.
/// </summary>
internal sealed partial class TopologyConnectionSource
{
    private bool _statusDenied;

    private async Task ProbeAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_topology.ProbeInterval);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            try
            {
                // Each reader on its own, at once: one that does not answer must not hold up the others' checks.
                var probes = new Task[_readers.Length];
                for (var i = 0; i < probes.Length; i++) probes[i] = ProbeReaderAsync(_readers[i], stopping);
                await Task.WhenAll(probes).ConfigureAwait(false);
                if (Volatile.Read(ref _primarySuspect) == 0 && CanFailOver && !await TakesWritesAsync(Primary, IOBehavior.Asynchronous, stopping).ConfigureAwait(false))
                {
                    PrimaryFailed(Primary);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A probe that fails in a way nobody foresaw must not end probing: the next tick asks again.
                if (_logger is { } logger) Diagnostics.Log.ServerOutOfRotation(logger, "(probe)", failure.Message);
            }
        }
    }

    /// <summary>Finds out whether a reader can serve reads, and puts it in or out of rotation.</summary>
    private async Task ProbeReaderAsync(ServerMember member, CancellationToken stopping)
    {
        ConnectionLease lease;
        try
        {
            lease = await member.Pool.AcquireAsync(IOBehavior.Asynchronous, stopping).ConfigureAwait(false);
        }
        catch (MicroOrmException failure)
        {
            // Its pooled sessions are dead too: dropped, so that the first lease after its return opens a live one.
            if (member.Health != MemberHealth.Down) await member.ClearAsync(IOBehavior.Asynchronous).ConfigureAwait(false);
            TakeOut(member, MemberHealth.Down, failure.Message);
            return;
        }

        try
        {
            var (health, reason) = _topology.Kind == ClusterKind.Galera
                ? await GaleraReadyAsync(member, lease, IOBehavior.Asynchronous, stopping).ConfigureAwait(false) ? (MemberHealth.Up, "") : (MemberHealth.NotSynced, "the node is not synced with the cluster (wsrep_ready is OFF)")
                : await ReplicaHealthAsync(member, lease, stopping).ConfigureAwait(false);
            if (health == MemberHealth.Up) BringBack(member);
            else TakeOut(member, health, reason);
        }
        catch (MicroOrmException failure) when (Failures.IsUnreachable(failure))
        {
            TakeOut(member, MemberHealth.Down, failure.Message);
        }
        catch (MicroOrmException)
        {
            // A question the server would not answer is no sign that it cannot serve reads.
            BringBack(member);
        }
        finally
        {
            await lease.ReleaseAsync(IOBehavior.Asynchronous).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A replica's health from its own status: both replication threads running and its lag within the limit. An
    /// account that may not read the status (it needs REPLICATION CLIENT, or SLAVE MONITOR on MariaDB 10.5+) leaves the
    /// replica in rotation while it answers, which is said once in the log.
    /// </summary>
    private async Task<(MemberHealth, string)> ReplicaHealthAsync(ServerMember member, ConnectionLease lease, CancellationToken stopping)
    {
        Dictionary<string, object?>? status;
        try
        {
            status = await SessionCommands.FirstRowAsync(member.Pool.Telemetry, lease, member.Pool.Dialect!.ReplicaStatus, IOBehavior.Asynchronous, stopping).ConfigureAwait(false);
        }
        catch (MicroOrmException failure) when (failure.ServerErrorCode is 1227 or 1142 or 1045)
        {
            if (!_statusDenied && _logger is { } logger) Diagnostics.Log.ServerOutOfRotation(logger, member.ToString(), "cannot read the replica's status (grant REPLICATION CLIENT, or SLAVE MONITOR on MariaDB); its lag is not checked, only that it answers");
            _statusDenied = true;
            return (MemberHealth.Up, "");
        }

        if (status is null) return (MemberHealth.NotReplicating, "it replicates from no primary (its replica status has no row)");
        var io = Text(status, "Slave_IO_Running", "Replica_IO_Running");
        var sql = Text(status, "Slave_SQL_Running", "Replica_SQL_Running");
        if (!string.Equals(io, "Yes", StringComparison.OrdinalIgnoreCase) || !string.Equals(sql, "Yes", StringComparison.OrdinalIgnoreCase))
        {
            return (MemberHealth.NotReplicating, $"replication has stopped (I/O thread {io ?? "?"}, SQL thread {sql ?? "?"})");
        }

        var behind = Text(status, "Seconds_Behind_Master", "Seconds_Behind_Source");
        if (behind is not null && long.TryParse(behind, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > _topology.MaxReplicaLag.TotalSeconds)
        {
            return (MemberHealth.Lagging, $"it is {seconds} s behind, over the limit of {_topology.MaxReplicaLag.TotalSeconds:0} s");
        }

        return (MemberHealth.Up, "");
    }

    private static string? Text(Dictionary<string, object?> row, string name, string otherName) =>
        row.TryGetValue(name, out var value) || row.TryGetValue(otherName, out value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
