using System.Threading.Tasks;
using MicroOrm.Servers;

namespace MicroOrm.Topology.Tests;

/// <summary>The replica pair that <see cref="ReplicaPairTests"/> share.</summary>
public sealed class ReplicaPairFixture : TopologyFixture<ThrowawayReplicaPair>
{
    protected override Task<ThrowawayReplicaPair> StartAsync() => ThrowawayReplicaPair.StartAsync();
}
