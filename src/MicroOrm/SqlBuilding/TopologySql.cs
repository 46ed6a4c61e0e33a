namespace MicroOrm.SqlBuilding;

/// <summary>
/// What MicroOrm asks the servers of a topology: whether one takes writes, whether a Galera node is ready, and the
/// session setting that makes a Galera read causal. The replication statements that differ by family (GTID positions,
/// waiting for one, replica status) are the dialect's.
/// </summary>
internal static class TopologySql
{
    /// <summary>
    /// 1 on a server that refuses writes (a replica, or a demoted primary): <c>read_only</c> for ordinary accounts, or
    /// <c>innodb_read_only</c>, which is how Aurora MySQL's readers refuse them.
    /// </summary>
    public static readonly SqlStatement ReadOnly = new("SELECT @@GLOBAL.read_only OR @@GLOBAL.innodb_read_only", []);

    /// <summary>A Galera node's readiness: <c>ON</c> once it is synced with the cluster and takes queries.</summary>
    public static readonly SqlStatement GaleraReady = new("SHOW GLOBAL STATUS LIKE 'wsrep_ready'", []);

    /// <summary>
    /// Makes this session's reads wait until the node has applied every write the cluster had committed when the read
    /// began. Pooled sessions are reset when they go back to the pool, so the setting lasts for one lease.
    /// </summary>
    public static readonly SqlStatement CausalReads = new("SET SESSION wsrep_sync_wait = 1", []);
}
