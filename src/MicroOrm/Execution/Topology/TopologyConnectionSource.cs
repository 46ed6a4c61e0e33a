using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Configuration;
using MicroOrm.Diagnostics;
using MicroOrm.SqlBuilding;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace MicroOrm.Execution.Topology;

/// <summary>
/// The connection source of a database object with replicas, failover servers or Galera nodes: one pool per server,
/// and the choice of server for each lease. Writes, transactions and MicroOrm's own statements lease from the
/// primary (<see cref="AcquireAsync"/>); the user's reads outside a transaction lease from a replica that is up and
/// keeping up (<see cref="AcquireReadAsync"/>), after waiting for the object's last write when the consistency asks
/// for it. A server that fails is taken out of rotation, and probes bring it back; a primary that fails or turns
/// read-only is replaced by the next candidate that takes writes (<see cref="FailoverAsync"/>).
/// </summary>
internal sealed partial class TopologyConnectionSource : ConnectionSource
{
    private readonly ServerMember[] _candidates;
    private readonly ServerMember[] _readers;
    private readonly List<ServerMember> _members = [];
    private readonly TopologyOptions _topology;
    private readonly ILogger? _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _probing;
    private int _primary;
    private int _nextReader;

    private TopologyConnectionSource(MicroOrmOptions options, MySqlConnectionStringBuilder settings, TopologyOptions topology)
        : base(options, settings)
    {
        _topology = topology;
        _logger = Telemetry.Logger;
        DatabaseName = settings.Database;
        var galera = topology.Kind == ClusterKind.Galera;
        var candidates = new List<ServerMember> { Member(settings, new ServerAddress(ServerAddressOf(settings), (int)settings.Port), candidate: true, options) };
        foreach (var server in topology.FailoverServers) candidates.Add(Member(settings, ServerAddress.Parse("Topology.FailoverServers", server, (int)settings.Port), candidate: true, options));
        var readers = new List<ServerMember>();
        if (galera) readers.AddRange(candidates);
        foreach (var server in topology.Replicas)
        {
            var address = ServerAddress.Parse("Topology.Replicas", server, (int)settings.Port);
            // A failover server listed as a replica too (it replicates until it is promoted) is one server with one pool.
            readers.Add(_members.Find(m => m.Address == address) is { } known ? known : Member(settings, address, candidate: false, options));
        }

        _candidates = [.. candidates];
        _readers = [.. readers];
        _probing = Task.Run(() => ProbeAsync(_stopping.Token));
    }

    /// <summary>A topology source for <paramref name="options"/>, whose connection string names the first candidate for writes.</summary>
    public static TopologyConnectionSource Owned(MySqlConnectionStringBuilder settings, MicroOrmOptions options) => new(options, settings, options.Topology!);

    public override string DatabaseName { get; }

    /// <summary>The server writes go to now.</summary>
    public ServerMember Primary => _candidates[Volatile.Read(ref _primary)];

    /// <summary>Whether reads can go elsewhere than the primary, so that writes are worth recording for them.</summary>
    public bool HasReaders => _readers.Length > 0;

    /// <summary>The read consistency a database object starts with.</summary>
    public ReadConsistency DefaultConsistency => _topology.ReadConsistency;

    internal override BackslashGuard Backslashes => Primary.Pool.Backslashes;

    /// <summary>A lease on the primary, for a write, a transaction or one of MicroOrm's own statements.</summary>
    internal override ValueTask<ConnectionLease> AcquireAsync(IOBehavior io, CancellationToken cancellationToken) => AcquirePrimaryAsync(io, cancellationToken);

    /// <summary>
    /// A lease for a read outside a transaction: the primary when the consistency asks for it (or no replica is up),
    /// else the next replica that is up, after it has applied <paramref name="history"/>'s last write when the
    /// consistency is read-your-writes; the primary when it has not within the timeout.
    /// </summary>
    public async ValueTask<ConnectionLease> AcquireReadAsync(WriteHistory history, ReadConsistency consistency, IOBehavior io, CancellationToken cancellationToken)
    {
        if (consistency == ReadConsistency.Primary) return await PrimaryForReadAsync("the read asks for the primary", io, cancellationToken).ConfigureAwait(false);
        var last = history.Last;
        if (last is not null && consistency == ReadConsistency.StickyPrimary && last.SinceLastWrite < _topology.StickyPrimaryWindow)
        {
            return await PrimaryForReadAsync("a write within the sticky window", io, cancellationToken).ConfigureAwait(false);
        }

        var galera = _topology.Kind == ClusterKind.Galera;
        var waitForWrite = consistency == ReadConsistency.ReadYourWrites && last is not null;
        if (waitForWrite && !galera && last!.UnknownAge < _topology.StickyPrimaryWindow)
        {
            return await PrimaryForReadAsync("the last write's position is unknown", io, cancellationToken).ConfigureAwait(false);
        }

        for (var tried = 0; tried < _readers.Length; tried++)
        {
            if (NextReader() is not { } member) break;
            // Galera's causal reads come from sessions that wait for the cluster (see ServerMember.CausalPool).
            var pool = waitForWrite && galera ? member.CausalPool! : member.Pool;
            ConnectionLease lease;
            try
            {
                lease = await pool.AcquireAsync(io, cancellationToken).ConfigureAwait(false);
            }
            catch (MicroOrmException failure) when (Failures.IsUnreachable(failure))
            {
                TakeOut(member, MemberHealth.Down, failure.Message);
                continue;
            }

            var outcome = waitForWrite && !galera ? await WaitForWriteAsync(member, lease, last!, io, cancellationToken).ConfigureAwait(false) : ReplicaRead.Ready;
            switch (outcome)
            {
                case ReplicaRead.Ready:
                    Learn(lease);
                    Routed(member, "replica", waitForWrite ? "caught up with the last write" : "a replica is up");
                    return lease;
                case ReplicaRead.TryAnother:
                    continue;
                default:
                    return await PrimaryForReadAsync(outcome == ReplicaRead.Behind
                        ? $"{member} had not applied the last write within {_topology.ReadYourWritesTimeout.TotalMilliseconds:0} ms"
                        : $"{member} could not wait for the last write", io, cancellationToken).ConfigureAwait(false);
            }
        }

        return await PrimaryForReadAsync("no replica is up", io, cancellationToken, causal: waitForWrite).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits on <paramref name="lease"/>, a replica's session, until the replica has applied the last write. The lease
    /// is let go unless the answer is <see cref="ReplicaRead.Ready"/>; a replica that has gone or is not ready is
    /// taken out of rotation, and any other failure to wait sends the read to the primary.
    /// </summary>
    private async ValueTask<ReplicaRead> WaitForWriteAsync(ServerMember member, ConnectionLease lease, WriteHistory.Mark last, IOBehavior io, CancellationToken cancellationToken)
    {
        if (last.Position is not { Length: > 0 } position || member.HasApplied(position)) return ReplicaRead.Ready;
        var outcome = ReplicaRead.Behind;
        try
        {
            var statement = member.Pool.Dialect!.WaitForPosition(position, _topology.ReadYourWritesTimeout.TotalSeconds);
            var answer = await SessionCommands.ScalarAsync(member.Pool.Telemetry, lease, statement, io, cancellationToken).ConfigureAwait(false);
            if (answer is not null && Convert.ToInt64(answer, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                member.Applied(position);
                return ReplicaRead.Ready;
            }
        }
        catch (MicroOrmException failure) when (Failures.IsUnreachable(failure) || Failures.IsNotReady(failure))
        {
            TakeOut(member, Failures.IsUnreachable(failure) ? MemberHealth.Down : MemberHealth.NotSynced, failure.Message);
            outcome = ReplicaRead.TryAnother;
        }
        catch (MicroOrmException)
        {
            outcome = ReplicaRead.Failed;
        }
        catch
        {
            await lease.ReleaseAsync(io).ConfigureAwait(false);
            throw;
        }

        await lease.ReleaseAsync(io).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>What waiting on a replica for the last write came to.</summary>
    private enum ReplicaRead
    {
        Ready,
        Behind,
        TryAnother,
        Failed,
    }

    /// <summary>
    /// Records a write just made on <paramref name="lease"/> (committed, or run outside a transaction) in
    /// <paramref name="history"/>: with replication, the position it reached, read on the same session before the
    /// session goes back to the pool. A position that cannot be read leaves the write recorded without one, and the
    /// object's reads stay on the primary for the sticky window.
    /// </summary>
    public async ValueTask RecordWriteAsync(ConnectionLease lease, WriteHistory history, IOBehavior io, CancellationToken cancellationToken)
    {
        if (_topology.Kind == ClusterKind.Galera || lease.Origin is not PooledConnectionSource origin)
        {
            history.Wrote("");
            return;
        }

        string? position = null;
        try
        {
            position = await SessionCommands.ScalarAsync(origin.Telemetry, lease, origin.Dialect!.LastWritePosition, io, cancellationToken).ConfigureAwait(false) as string;
        }
        catch (Exception failure) when (failure is MicroOrmException or InvalidOperationException)
        {
            // The write is done; only its position is lost, which the sticky window stands in for.
        }

        // Empty: the write reached no binary log (it changed no row, or the server runs without GTIDs). Recorded as a
        // write of unknown position, so reads go to the primary for the sticky window rather than to a replica that may lack it.
        history.Wrote(position is { Length: > 0 } ? position : null);
    }

    /// <summary>
    /// The position of <paramref name="history"/>'s last write, for another database object to read after; on Galera
    /// an empty one (a causal read needs no position); <see langword="null"/> when the last write's position is unknown.
    /// </summary>
    public ConsistencyToken? TokenOf(WriteHistory history) => history.Last switch
    {
        null => null,
        _ when _topology.Kind == ClusterKind.Galera => new ConsistencyToken(""),
        { UnknownAt: not 0 } last when last.UnknownAt >= last.WrittenAt => null,
        { Position: { } position } => new ConsistencyToken(position),
        _ => null,
    };

    public override async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _probing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var member in _members)
        {
            await member.Pool.DisposeAsync().ConfigureAwait(false);
            if (member.CausalPool is { } causal) await causal.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
        _failover.Dispose();
    }

    public override void Dispose()
    {
        _stopping.Cancel();
        try
        {
            // A probe waits on I/O; the sync dispose waits a bounded time for it, and the pools' disposal ends it anyway.
            _probing.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException stopped) when (stopped.InnerException is OperationCanceledException)
        {
        }

        foreach (var member in _members)
        {
            member.Pool.Dispose();
            member.CausalPool?.Dispose();
        }
        _stopping.Dispose();
        _failover.Dispose();
    }

    private async ValueTask<ConnectionLease> PrimaryForReadAsync(string reason, IOBehavior io, CancellationToken cancellationToken, bool causal = false)
    {
        var lease = await AcquirePrimaryAsync(io, cancellationToken, causal).ConfigureAwait(false);
        Routed(Primary, "primary", reason);
        return lease;
    }

    /// <summary>The next reader that is up, taking them in turn; <see langword="null"/> when none is.</summary>
    private ServerMember? NextReader()
    {
        var start = Interlocked.Increment(ref _nextReader);
        for (var i = 0; i < _readers.Length; i++)
        {
            var member = _readers[(int)((uint)(start + i) % (uint)_readers.Length)];
            if (member.Health == MemberHealth.Up) return member;
        }

        return null;
    }

    private void Learn(in ConnectionLease lease)
    {
        if (Dialect is null) LearnDialect(lease.Connection);
    }

    /// <summary>Takes <paramref name="member"/> out of rotation until a probe finds it well again; says so once.</summary>
    internal void TakeOut(ServerMember member, MemberHealth health, string reason)
    {
        if (member.Become(health) == MemberHealth.Up && _logger is { } logger) Log.ServerOutOfRotation(logger, member.ToString(), reason);
    }

    private void BringBack(ServerMember member)
    {
        if (member.Become(MemberHealth.Up) != MemberHealth.Up && _logger is { } logger) Log.ServerBackInRotation(logger, member.ToString());
    }

    /// <summary>Every routed read is counted, tagged with the server it went to, and logged at debug level with why.</summary>
    private void Routed(ServerMember member, string role, string reason)
    {
        if (MicroOrmTelemetry.RoutingCounter.Enabled)
        {
            var tags = ServerTags(member);
            tags.Add("microorm.route", role);
            tags.Add("microorm.route.reason", reason);
            MicroOrmTelemetry.RoutingCounter.Add(1, tags);
        }

        if (_logger is { } logger) Log.ReadRouted(logger, role, member.ToString(), reason);
    }

    /// <summary>The tags every topology metric carries: the database, and the server the event is about.</summary>
    private TagList ServerTags(ServerMember member) => new()
    {
        { "db.system.name", "mysql" },
        { "db.namespace", DatabaseName },
        { "server.address", member.Address.Host },
        { "server.port", member.Address.Port },
    };

    private ServerMember Member(MySqlConnectionStringBuilder settings, ServerAddress address, bool candidate, MicroOrmOptions options)
    {
        var own = new MySqlConnectionStringBuilder(settings.ConnectionString) { Server = address.Host, Port = (uint)address.Port };
        PooledConnectionSource? causal = null;
        if (_topology.Kind == ClusterKind.Galera)
        {
            var neverReset = new MySqlConnectionStringBuilder(own.ConnectionString) { ConnectionReset = false };
            causal = PooledConnectionSource.OwnedWithSetup(neverReset.ConnectionString, options, TopologySql.CausalReads);
        }

        var member = new ServerMember(address, PooledConnectionSource.Owned(own.ConnectionString, options), candidate, causal);
        _members.Add(member);
        return member;
    }

    /// <summary>Whether reads go to <paramref name="member"/>: a replica, or any Galera node.</summary>
    public bool IsReader(ServerMember member) => Array.IndexOf(_readers, member) >= 0;
}
