using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// The throwaway Galera cluster forms with three synced nodes, replicates a write on any node to the others, keeps
/// taking writes with a node killed, takes the node back with what it missed, and leaves nothing behind. The tests
/// share one cluster and run in the order written: the disposal test removes it.
/// </summary>
[TestMethodOrderer(typeof(DeclarationOrder))]
public sealed class GaleraClusterTests(GaleraClusterFixture fixture, ITestOutputHelper output) : IClassFixture<GaleraClusterFixture>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    private ThrowawayGaleraCluster Cluster => fixture.Topology;

    [Fact]
    public async Task Forms_a_cluster_of_three_synced_nodes()
    {
        var cluster = Cluster;
        output.WriteLine($"summary: the Galera cluster formed in {fixture.StartTime.TotalSeconds:0.0} s ({cluster.Description})");

        Assert.Equal(3, cluster.Nodes.Count);
        Assert.Equal(3, cluster.Nodes.Select(node => node.Port).Distinct().Count());
        Assert.Equal(3, cluster.Nodes.Select(node => node.ProcessId).Distinct().Count());
        var states = new List<string>();
        foreach (var node in cluster.Nodes)
        {
            var status = await StatusAsync(node);
            Assert.Equal("3", status["wsrep_cluster_size"]);
            Assert.Equal("ON", status["wsrep_ready"]);
            Assert.Equal("Synced", status["wsrep_local_state_comment"]);
            Assert.Equal(cluster.Name, await Sql.ScalarAsync<string>(node.ConnectionString, "SELECT @@wsrep_cluster_name"));
            states.Add(status["wsrep_cluster_state_uuid"]);
        }

        Assert.Single(states.Distinct());
    }

    [Fact]
    public async Task A_row_written_on_any_node_is_read_on_the_others()
    {
        var cluster = Cluster;
        var table = await CreateTableAsync(cluster, "everywhere");

        foreach (var node in cluster.Nodes)
        {
            await Sql.ExecuteAsync(node.ConnectionString, $"INSERT INTO {table} (name) VALUES ('from {node.Name}')");
        }

        foreach (var node in cluster.Nodes)
        {
            Assert.Equal(["from node1", "from node2", "from node3"], await NamesAsync(node, table));
        }
    }

    [Fact]
    public async Task A_killed_node_leaves_two_that_take_writes_and_rejoins_with_what_they_wrote()
    {
        var cluster = Cluster;
        var table = await CreateTableAsync(cluster, "rejoins");
        // The founding node: started again, it must rejoin the cluster the others kept, not found a second one.
        var victim = cluster.Nodes[0];
        var survivors = cluster.Nodes.Skip(1).ToList();
        var (port, processId) = (victim.Port, victim.ProcessId);
        var clusterState = (await StatusAsync(survivors[0]))["wsrep_cluster_state_uuid"];

        var clock = Stopwatch.StartNew();
        await victim.KillAsync(TestContext.Current.CancellationToken);
        Assert.False(Leftovers.IsRunning(processId));
        await cluster.WaitUntilSyncedAsync(Settle, TestContext.Current.CancellationToken);
        var shrunk = clock.Elapsed;

        foreach (var node in survivors)
        {
            Assert.Equal("2", (await StatusAsync(node))["wsrep_cluster_size"]);
            await Sql.ExecuteAsync(node.ConnectionString, $"INSERT INTO {table} (name) VALUES ('while node1 was down, on {node.Name}')");
        }

        clock.Restart();
        await victim.StartAgainAsync(TestContext.Current.CancellationToken);
        await cluster.WaitUntilSyncedAsync(Settle, TestContext.Current.CancellationToken);
        output.WriteLine($"summary: a killed Galera node left a cluster of 2 after {shrunk.TotalSeconds:0.0} s, and rejoined {clock.Elapsed.TotalSeconds:0.0} s after it was started again");

        Assert.Equal(port, victim.Port);
        Assert.NotEqual(processId, victim.ProcessId);
        foreach (var node in cluster.Nodes)
        {
            var status = await StatusAsync(node);
            Assert.Equal("3", status["wsrep_cluster_size"]);
            Assert.Equal(clusterState, status["wsrep_cluster_state_uuid"]);
        }

        Assert.Equal(["while node1 was down, on node2", "while node1 was down, on node3"], await NamesAsync(victim, table));
    }

    [Fact]
    public async Task Disposing_leaves_no_process_and_no_folder()
    {
        var cluster = Cluster;
        var folders = cluster.Nodes.Select(node => node.Folder).ToList();
        var processes = cluster.Nodes.Select(node => node.ProcessId).ToList();

        await cluster.DisposeAsync();

        Assert.Empty(Leftovers.Of(folders));
        Assert.All(processes, process => Assert.False(Leftovers.IsRunning(process)));
    }

    /// <summary>A table of its own for a test, in a database created on the first node (DDL replicates to all).</summary>
    private static async Task<string> CreateTableAsync(ThrowawayGaleraCluster cluster, string label)
    {
        var database = "t_" + label + "_" + Guid.NewGuid().ToString("N")[..6];
        await Sql.ExecuteAsync(cluster.Nodes[0].ConnectionString,
            $"CREATE DATABASE {database}; CREATE TABLE {database}.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        return database + ".items";
    }

    /// <summary>
    /// The names in the table as <paramref name="node"/> sees them once it has applied every write the cluster had when
    /// the read began (<c>wsrep_sync_wait=1</c>): without it, a read may come before the node applied a write made elsewhere.
    /// </summary>
    private static async Task<List<string>> NamesAsync(ThrowawayNode node, string table)
    {
        await using var connection = await Sql.OpenAsync(node.ConnectionString);
        await using var command = new MySqlCommand($"SET SESSION wsrep_sync_wait=1; SELECT name FROM {table} ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<Dictionary<string, string>> StatusAsync(ThrowawayNode node)
    {
        await using var connection = await Sql.OpenAsync(node.ConnectionString);
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'wsrep%'", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var status = new Dictionary<string, string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) status[reader.GetString(0)] = reader.GetString(1);
        return status;
    }
}
