using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm.Servers;

/// <summary>
/// One server of a throwaway topology (the primary or the replica of a <see cref="ThrowawayReplicaPair"/>, a node of
/// a <see cref="ThrowawayGaleraCluster"/>): how to reach it, and how to take it down and bring it back, as the tests
/// of failover and recovery need. It is removed with its topology, never on its own.
/// </summary>
public sealed class ThrowawayNode
{
    internal ThrowawayNode(string name, ThrowawayServer server)
    {
        Name = name;
        Server = server;
    }

    /// <summary>Its role or place in the topology: <c>primary</c>, <c>replica</c>, <c>node1</c>...</summary>
    public string Name { get; }

    /// <summary>Root on 127.0.0.1 at <see cref="Port"/>, with no password and no database.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>The loopback port it takes clients on; the same after <see cref="StartAgainAsync"/>.</summary>
    public int Port => Server.Port;

    /// <summary>The server's process id; a new one after <see cref="StartAgainAsync"/>.</summary>
    public int ProcessId => Server.ServerProcessId;

    /// <summary>The temporary folder that holds its data files; the same after <see cref="StartAgainAsync"/>.</summary>
    public string Folder => Server.Folder;

    /// <summary>What <c>SELECT VERSION()</c> answered.</summary>
    public string Version => Server.Version;

    /// <summary>
    /// <see langword="false"/> between <see cref="KillAsync"/> or <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>:
    /// a node down on purpose, which the topology's waits leave out (a Galera cluster then waits for one node fewer).
    /// </summary>
    public bool IsRunning { get; private set; } = true;

    internal ThrowawayServer Server { get; }

    /// <summary>
    /// Kills the server outright (SIGKILL), as a crash would: open connections break, peers are told nothing. Its data
    /// folder and port are kept for <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        IsRunning = false;
        await Server.KillAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shuts the server down cleanly (<c>SHUTDOWN</c>), as a planned outage would; its data folder and port are kept.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        IsRunning = false;
        await Server.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the server again on the same data folder and port after <see cref="KillAsync"/> or <see cref="StopAsync"/>,
    /// and waits until it takes connections (a Galera node may still be catching up then: wait for the cluster).
    /// </summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await Server.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        IsRunning = true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} on 127.0.0.1:{Port} (process {ProcessId})";
}
