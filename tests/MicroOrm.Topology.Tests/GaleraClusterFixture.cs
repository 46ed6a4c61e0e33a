using System.Threading.Tasks;
using MicroOrm.Servers;

namespace MicroOrm.Topology.Tests;

/// <summary>The Galera cluster that <see cref="GaleraClusterTests"/> share.</summary>
public sealed class GaleraClusterFixture : TopologyFixture<ThrowawayGaleraCluster>
{
    protected override Task<ThrowawayGaleraCluster> StartAsync() => ThrowawayGaleraCluster.StartAsync();
}
