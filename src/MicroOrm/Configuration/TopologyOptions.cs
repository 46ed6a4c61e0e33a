using System;
using System.Collections.Generic;

namespace MicroOrm;

/// <summary>
/// The servers behind a database object beyond the connection string's: primaries to fail over to, replicas to read
/// from, or the nodes of a Galera cluster. Each server is written as <c>host</c> or <c>host:port</c>; everything
/// else (user, password, database, TLS, pool sizes) is the connection string's. MicroOrm never promotes a server:
/// it writes to the first candidate that is up and writable, and reads from the replicas that are up and keeping up.
/// </summary>
public sealed class TopologyOptions
{
    /// <summary>
    /// Servers to write to, in order, when the connection string's server stops answering or answers as read-only
    /// (after a failover, a demoted primary runs with <c>read_only</c>). Promoting one of them is the job of the
    /// failover manager (orchestrator, MHA, a DBA); MicroOrm finds the one that is writable.
    /// </summary>
    public IList<string> FailoverServers { get; set; } = new List<string>();

    /// <summary>Replicas that reads outside a transaction go to, in turn, while they are up and within <see cref="MaxReplicaLag"/>.</summary>
    public IList<string> Replicas { get; set; } = new List<string>();

    /// <summary>What a read may see; <see cref="MicroOrm.ReadConsistency.ReadYourWrites"/> unless set.</summary>
    public ReadConsistency ReadConsistency { get; set; } = ReadConsistency.ReadYourWrites;

    /// <summary>How long a replica read waits for the replica to apply the database object's last write before it reads the primary instead (10 milliseconds to 1 minute).</summary>
    public TimeSpan ReadYourWritesTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>For <see cref="MicroOrm.ReadConsistency.StickyPrimary"/>: how long after a write reads stay on the primary (10 milliseconds to 1 hour).</summary>
    public TimeSpan StickyPrimaryWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A replica further behind than this (<c>Seconds_Behind_Master</c>) is taken out of rotation until it catches up (1 second to 1 day).</summary>
    public TimeSpan MaxReplicaLag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each server is probed: whether it is up, writable, replicating and how far behind (100 milliseconds to 1 hour).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Primary and replicas replicating by binary log (the default), or the nodes of a Galera cluster.</summary>
    public ClusterKind Kind { get; set; } = ClusterKind.Replication;

    /// <summary>A copy, so that a database object keeps the topology it was made with.</summary>
    public TopologyOptions Clone() => new()
    {
        FailoverServers = new List<string>(FailoverServers),
        Replicas = new List<string>(Replicas),
        ReadConsistency = ReadConsistency,
        ReadYourWritesTimeout = ReadYourWritesTimeout,
        StickyPrimaryWindow = StickyPrimaryWindow,
        MaxReplicaLag = MaxReplicaLag,
        ProbeInterval = ProbeInterval,
        Kind = Kind,
    };
}

/// <summary>What a read outside a transaction may see, when the database object has replicas.</summary>
public enum ReadConsistency
{
    /// <summary>
    /// A replica, once it has applied the database object's last write (MariaDB's <c>MASTER_GTID_WAIT</c>, MySQL's
    /// <c>WAIT_FOR_EXECUTED_GTID_SET</c>, Galera's <c>wsrep_sync_wait</c>); the primary if it has not within
    /// <see cref="TopologyOptions.ReadYourWritesTimeout"/>.
    /// </summary>
    ReadYourWrites = 0,

    /// <summary>Any replica that is up and within the lag limit: the fastest, and it may not show the latest writes.</summary>
    Eventual,

    /// <summary>The primary for <see cref="TopologyOptions.StickyPrimaryWindow"/> after a write, a replica otherwise.</summary>
    StickyPrimary,

    /// <summary>Always the primary.</summary>
    Primary,
}

/// <summary>How the servers of a topology keep each other up to date.</summary>
public enum ClusterKind
{
    /// <summary>A primary replicating to replicas by binary log, with GTIDs; failover candidates become writable when promoted.</summary>
    Replication = 0,

    /// <summary>
    /// A Galera cluster (MariaDB Galera, Percona XtraDB Cluster): every node takes writes, but MicroOrm writes through
    /// one node at a time (the connection string's, then <see cref="TopologyOptions.FailoverServers"/> in order) to
    /// avoid certification conflicts, and reads from any node; a node that is not synced is treated as down.
    /// </summary>
    Galera,
}
