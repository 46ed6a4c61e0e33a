using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Servers;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// A Galera cluster whose owner dies without disposing it is removed by its nodes' watchdogs: every node, the one down
/// on purpose included, and every folder, though the nodes ran as another account than the owner's when it was root.
/// </summary>
public sealed class GaleraCrashCleanupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_cluster_whose_owner_dies_without_disposing_it_is_removed()
    {
        using var owner = Process.Start("sleep", "600");
        try
        {
            ThrowawayGaleraCluster cluster;
            try
            {
                cluster = await ThrowawayGaleraCluster.StartAsync(new ThrowawayServerOptions { OwnerProcessId = owner.Id }, TestContext.Current.CancellationToken);
            }
            catch (ServerUnavailableException exception)
            {
                Assert.Skip(exception.Message);
                throw;
            }

            await cluster.Nodes[1].KillAsync(TestContext.Current.CancellationToken);
            var folders = cluster.Nodes.Select(node => node.Folder).ToList();
            var clock = Stopwatch.StartNew();

            owner.Kill();

            Assert.Empty(await Leftovers.AfterAsync(folders, TimeSpan.FromSeconds(40)));
            output.WriteLine($"summary: a Galera cluster abandoned by its owner was gone {clock.Elapsed.TotalSeconds:0.0} s after the owner died");
            await cluster.DisposeAsync();
        }
        finally
        {
            // A test that failed half-way still ends the owner, so that the watchdogs remove the cluster now, not in ten minutes.
            if (!owner.HasExited) owner.Kill();
        }
    }
}
