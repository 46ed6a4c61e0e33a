using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>
/// A three-node MariaDB Galera cluster on loopback, each node a throwaway server in its own temporary folder with its
/// own ports (clients, group communication, incremental and full state transfer), for the tests of multi-primary
/// writes and node loss. The first node founds the cluster, the other two join it by an rsync state transfer. Every
/// node is stopped and its folder deleted on dispose, and by its watchdog when the owning process ends without
/// disposing the cluster.
/// </summary>
/// <remarks>
/// A node killed with <see cref="ThrowawayNode.KillAsync"/> and started again with
/// <see cref="ThrowawayNode.StartAgainAsync"/> rejoins the cluster the others kept (by incremental or full state
/// transfer), the founding node included: it is started again without <c>--wsrep-new-cluster</c>. When this process is
/// root the nodes run as an unprivileged account (see <see cref="ThrowawayServerOptions"/>), which the rsync transfer needs.
/// </remarks>
public sealed class ThrowawayGaleraCluster : IAsyncDisposable
{
    /// <summary>What a user can do when the cluster cannot start for want of something.</summary>
    public const string HowToGetIt =
        "Install MariaDB with Galera (Debian/Ubuntu: sudo apt-get install mariadb-server galera-4 rsync; `bash build.sh test` does this for you).";

    private const int NodeCount = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private int _disposed;

    private ThrowawayGaleraCluster(string name, IReadOnlyList<ThrowawayNode> nodes)
    {
        Name = name;
        Nodes = nodes;
    }

    /// <summary>The cluster's name (<c>wsrep_cluster_name</c>), unique to it, so that two clusters on one machine never merge.</summary>
    public string Name { get; }

    /// <summary>The three nodes, <c>node1</c> (which founded the cluster) first.</summary>
    public IReadOnlyList<ThrowawayNode> Nodes { get; }

    /// <summary>A one-line description for logs.</summary>
    public string Description =>
        $"throwaway MariaDB Galera cluster {Name} ({Nodes[0].Version}) of {Nodes.Count} nodes on 127.0.0.1:" +
        string.Join(",", Nodes.Select(node => node.Port.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Starts the three nodes, one after the other (a joining node needs a synced donor), and returns once every node
    /// is synced in a cluster of three. <paramref name="options"/> apply to every node; its
    /// <see cref="ThrowawayServerOptions.ExtraArguments"/> come after the cluster's own and can override them. Throws a
    /// <see cref="ServerUnavailableException"/> naming what is missing (MariaDB, the Galera provider, rsync...), an
    /// <see cref="InvalidOperationException"/> or a <see cref="TimeoutException"/> when everything is there and the
    /// cluster still did not form.
    /// </summary>
    public static async Task<ThrowawayGaleraCluster> StartAsync(ThrowawayServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThrowawayServerOptions();
        var prerequisites = GaleraPrerequisites.Check(options);
        var name = "microorm-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var ports = Enumerable.Range(0, NodeCount).Select(_ => new GaleraPorts(LoopbackPorts.Pick(), LoopbackPorts.Pick(), LoopbackPorts.Pick())).ToArray();
        var address = "gcomm://" + string.Join(",", ports.Select(port => "127.0.0.1:" + port.Group.ToString(CultureInfo.InvariantCulture)));

        var nodes = new List<ThrowawayNode>();
        try
        {
            for (var index = 0; index < NodeCount; index++)
            {
                var nodeName = "node" + (index + 1).ToString(CultureInfo.InvariantCulture);
                var arguments = NodeArguments(prerequisites.Provider, name, address, nodeName, ports[index], founder: index == 0);
                nodes.Add(await StartNodeAsync(nodeName, options.ForNode(arguments, prerequisites.Account), cancellationToken).ConfigureAwait(false));
            }

            var cluster = new ThrowawayGaleraCluster(name, nodes);
            await cluster.WaitUntilSyncedAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await StopAllAsync(nodes).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits until every running node (all but those killed or stopped on purpose) reports <c>wsrep_ready=ON</c>,
    /// <c>wsrep_local_state_comment='Synced'</c> and a primary component whose <c>wsrep_cluster_size</c> is the number
    /// of running nodes: three when none is down, two while one is. Throws a <see cref="TimeoutException"/> that shows
    /// every node's status when they are not within <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitUntilSyncedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var running = Nodes.Where(node => node.IsRunning).ToList();
            var statuses = new List<string>();
            var synced = true;
            foreach (var node in running)
            {
                var (isSynced, status) = await StatusAsync(node, running.Count, cancellationToken).ConfigureAwait(false);
                synced &= isSynced;
                statuses.Add($"{node.Name}: {status}");
            }

            if (synced) return;
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"The Galera cluster {Name} was not synced with {running.Count} nodes within {timeout.TotalSeconds:0.#} s: {string.Join("; ", statuses)}.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every node and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await StopAllAsync(Nodes).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the nodes one after the other, the last first: a node that leaves a cluster whose other nodes stay says
    /// goodbye at once, while nodes leaving together each wait out the others' suspect timeout (5 s) first.
    /// </summary>
    private static async Task StopAllAsync(IEnumerable<ThrowawayNode> nodes)
    {
        foreach (var node in nodes.Reverse()) await node.Server.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<(bool Synced, string Status)> StatusAsync(ThrowawayNode node, int expectedSize, CancellationToken cancellationToken)
    {
        Dictionary<string, string> status;
        try
        {
            status = await NodeCommands.NameValuesAsync(node,
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_cluster_status')",
                cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException exception)
        {
            return (false, "not answering (" + exception.Message + ")");
        }

        var ready = status.GetValueOrDefault("wsrep_ready", "?");
        var state = status.GetValueOrDefault("wsrep_local_state_comment", "?");
        var size = status.GetValueOrDefault("wsrep_cluster_size", "?");
        var component = status.GetValueOrDefault("wsrep_cluster_status", "?");
        var synced = ready == "ON" && state == "Synced" && component == "Primary" && size == expectedSize.ToString(CultureInfo.InvariantCulture);
        return (synced, $"wsrep_ready={ready}, state={state}, cluster_status={component}, cluster_size={size}");
    }

    private static IEnumerable<string> NodeArguments(string provider, string clusterName, string address, string nodeName, GaleraPorts ports, bool founder)
    {
        yield return "--wsrep-on=ON";
        yield return "--wsrep-provider=" + provider;
        yield return "--wsrep-cluster-name=" + clusterName;
        yield return "--wsrep-cluster-address=" + address;
        yield return "--wsrep-node-name=" + nodeName;
        yield return "--wsrep-node-address=127.0.0.1";
        // Every node on one address: each listens on ports of its own. A small write-set cache (the default is 128 MB,
        // a file per node) still holds what a test writes while a node is down, so that the node rejoins by IST.
        yield return "--wsrep-provider-options=" + string.Join(";",
            "gmcast.listen_addr=tcp://127.0.0.1:" + ports.Group.ToString(CultureInfo.InvariantCulture),
            "ist.recv_addr=127.0.0.1:" + ports.Ist.ToString(CultureInfo.InvariantCulture),
            "gcache.size=32M");
        yield return "--wsrep-sst-receive-address=127.0.0.1:" + ports.Sst.ToString(CultureInfo.InvariantCulture);
        yield return "--wsrep-sst-method=rsync";
        // What Galera requires: row-based replication of InnoDB tables, and auto-increment values that need no table lock.
        yield return "--binlog-format=ROW";
        yield return "--default-storage-engine=InnoDB";
        yield return "--innodb-autoinc-lock-mode=2";
        // On the first start only: the watchdog drops it when it starts the node again (see watchdog.sh).
        if (founder) yield return "--wsrep-new-cluster";
    }

    private static async Task<ThrowawayNode> StartNodeAsync(string name, ThrowawayServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return new ThrowawayNode(name, await ThrowawayServer.StartAsync(options, cancellationToken).ConfigureAwait(false));
        }
        catch (ServerUnavailableException exception)
        {
            // Everything it needs is there (checked before): a node that does not start is a failure, not a missing program.
            throw new InvalidOperationException($"The Galera cluster's {name} did not start: {exception.Message}", exception);
        }
    }

    /// <summary>A node's loopback ports besides its client port: group communication, incremental and full state transfer.</summary>
    private sealed record GaleraPorts(int Group, int Ist, int Sst);
}
