using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>
/// A MariaDB primary and a replica of it, replicating by GTID on loopback: each a throwaway server in its own
/// temporary folder on its own port, for the tests of replica reads and failover. Both are stopped and their folders
/// deleted on dispose, and by their watchdogs when the owning process ends without disposing them.
/// </summary>
/// <remarks>
/// The replica runs with <c>read_only=ON</c>, which root ignores: root holds READ_ONLY ADMIN (and SUPER, which
/// bypasses it too on older MariaDB versions). To see the replica refuse writes, log in with an account from
/// <see cref="CreateApplicationAccountAsync"/>, which holds neither.
/// </remarks>
public sealed class ThrowawayReplicaPair : IAsyncDisposable
{
    /// <summary>What a user can do when the pair cannot start for want of something.</summary>
    public const string HowToGetIt =
        "Install MariaDB (Debian/Ubuntu: sudo apt-get install mariadb-server; `bash build.sh test` does this for you).";

    private const string Topology = "replica pair";
    private const string ReplicationUser = "microorm_replication";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private int _disposed;

    private ThrowawayReplicaPair(ThrowawayNode primary, ThrowawayNode replica)
    {
        Primary = primary;
        Replica = replica;
    }

    /// <summary>The primary: writable, every change written to its binary log with a GTID.</summary>
    public ThrowawayNode Primary { get; }

    /// <summary>The replica: applies the primary's changes, <c>read_only=ON</c> for all but root, until <see cref="PromoteReplicaAsync"/>.</summary>
    public ThrowawayNode Replica { get; }

    /// <summary>A one-line description for logs.</summary>
    public string Description =>
        $"throwaway MariaDB replica pair ({Primary.Version}): primary on 127.0.0.1:{Primary.Port} in {Primary.Folder}, " +
        $"read-only replica on 127.0.0.1:{Replica.Port} in {Replica.Folder}, GTID replication";

    /// <summary>
    /// Starts both servers and the replication between them, and returns once the replica has applied everything the
    /// primary had. <paramref name="options"/> apply to both servers; its <see cref="ThrowawayServerOptions.ExtraArguments"/>
    /// come after the pair's own and can override them. Throws a <see cref="ServerUnavailableException"/> when MariaDB
    /// is not installed, an <see cref="InvalidOperationException"/> when it is and the pair still did not come up.
    /// </summary>
    public static async Task<ThrowawayReplicaPair> StartAsync(ThrowawayServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThrowawayServerOptions();
        TopologyPrerequisites.RequireMariaDb(options, Topology, HowToGetIt);
        TopologyPrerequisites.RequireTemporaryRoot(options, Topology);

        var primaryStart = StartNodeAsync("primary", options.ForNode(
            ["--server-id=1", "--log-bin=binlog", "--log-slave-updates", "--binlog-format=ROW"]), cancellationToken);
        // The replica logs what it applies too (--log-slave-updates), so that, promoted, it has the history a new
        // replica of it would start from. Its relay log is named, not derived from the host name.
        var replicaStart = StartNodeAsync("replica", options.ForNode(
            ["--server-id=2", "--log-bin=binlog", "--log-slave-updates", "--binlog-format=ROW", "--relay-log=relay-bin", "--read-only=ON"]), cancellationToken);
        try
        {
            await Task.WhenAll(primaryStart, replicaStart).ConfigureAwait(false);
        }
        catch
        {
            if (primaryStart.IsCompletedSuccessfully) await primaryStart.Result.Server.DisposeAsync().ConfigureAwait(false);
            if (replicaStart.IsCompletedSuccessfully) await replicaStart.Result.Server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var pair = new ThrowawayReplicaPair(primaryStart.Result, replicaStart.Result);
        try
        {
            await pair.ReplicateAsync(cancellationToken).ConfigureAwait(false);
            await pair.WaitForReplicaAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the replica's SQL thread (<c>STOP SLAVE SQL_THREAD</c>): it keeps receiving the primary's changes but applies none, a lag on purpose.</summary>
    public Task StopReplicationAsync(CancellationToken cancellationToken = default) =>
        NodeCommands.ExecuteAsync(Replica, "STOP SLAVE SQL_THREAD", cancellationToken);

    /// <summary>Starts the replica's SQL thread again (<c>START SLAVE SQL_THREAD</c>): it applies what it received meanwhile.</summary>
    public Task StartReplicationAsync(CancellationToken cancellationToken = default) =>
        NodeCommands.ExecuteAsync(Replica, "START SLAVE SQL_THREAD", cancellationToken);

    /// <summary>
    /// Makes the replica a primary of its own, as a failover does: replication stopped and forgotten, <c>read_only=OFF</c>.
    /// The old primary is left as it is, not made a replica. A promoted replica started again comes back read-only (its
    /// start arguments say so) and without replication.
    /// </summary>
    public Task PromoteReplicaAsync(CancellationToken cancellationToken = default) =>
        NodeCommands.ExecuteAsync(Replica, "STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only=OFF", cancellationToken);

    /// <summary>
    /// Waits until the replica has applied every transaction the primary has logged (<c>@@gtid_binlog_pos</c>, waited
    /// for with <c>MASTER_GTID_WAIT</c>). Throws a <see cref="TimeoutException"/> that shows the replica's status when
    /// it has not within <paramref name="timeout"/>, and an <see cref="InvalidOperationException"/> as soon as
    /// replication stopped on an error.
    /// </summary>
    public async Task WaitForReplicaAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var position = (string?)await NodeCommands.ScalarAsync(Primary, "SELECT @@GLOBAL.gtid_binlog_pos", cancellationToken).ConfigureAwait(false) ?? "";
        if (position.Length == 0) return;

        var clock = Stopwatch.StartNew();
        await using var connection = new MySqlConnection(NodeCommands.ConnectionString(Replica));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // Short waits, with a look at the replica's status between them: an error stops replication for good,
            // and a wait for the whole timeout would only hide it.
            await using (var wait = new MySqlCommand("SELECT MASTER_GTID_WAIT(@position, @seconds)", connection))
            {
                wait.Parameters.AddWithValue("@position", position);
                wait.Parameters.AddWithValue("@seconds", PollInterval.TotalSeconds);
                if (Convert.ToInt32(await wait.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0) return;
            }

            var status = await NodeCommands.RowAsync(Replica, "SHOW SLAVE STATUS", cancellationToken).ConfigureAwait(false);
            if (status.GetValueOrDefault("Last_SQL_Error") is { Length: > 0 } error)
            {
                throw new InvalidOperationException($"Replication to the replica stopped on an error: {error}");
            }

            if (clock.Elapsed > timeout)
            {
                var applied = await NodeCommands.ScalarAsync(Replica, "SELECT @@GLOBAL.gtid_slave_pos", cancellationToken).ConfigureAwait(false);
                throw new TimeoutException(
                    $"The replica had not applied the primary's transactions {position} within {timeout.TotalSeconds:0.#} s: it applied {applied}; " +
                    $"Slave_IO_Running={status.GetValueOrDefault("Slave_IO_Running", "(not a replica)")}, " +
                    $"Slave_SQL_Running={status.GetValueOrDefault("Slave_SQL_Running", "(not a replica)")}, " +
                    $"Last_IO_Error={status.GetValueOrDefault("Last_IO_Error", "")}.");
            }
        }
    }

    /// <summary>
    /// Creates an application's account on both servers (see <see cref="TopologyAccount"/>): one the replica's
    /// <c>read_only</c> applies to. It is created on each server directly, outside the binary log, so it exists on the
    /// replica even while replication is stopped and is not replicated onto an account that already exists.
    /// </summary>
    public Task<TopologyAccount> CreateApplicationAccountAsync(CancellationToken cancellationToken = default) =>
        TopologyAccount.CreateAsync([Primary, Replica], cancellationToken);

    /// <summary>Stops both servers and deletes their folders.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await Task.WhenAll(Primary.Server.DisposeAsync().AsTask(), Replica.Server.DisposeAsync().AsTask()).ConfigureAwait(false);
    }

    private static async Task<ThrowawayNode> StartNodeAsync(string name, ThrowawayServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return new ThrowawayNode(name, await ThrowawayServer.StartAsync(options, cancellationToken).ConfigureAwait(false));
        }
        catch (ServerUnavailableException exception)
        {
            // MariaDB is there (checked before): a server of it that does not start is a failure, not a missing program.
            throw new InvalidOperationException($"The replica pair's {name} did not start: {exception.Message}", exception);
        }
    }

    /// <summary>Creates the replication account on the primary and points the replica at it, from the primary's first transaction.</summary>
    private async Task ReplicateAsync(CancellationToken cancellationToken)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        // An account for each host form the replica's connection can be matched as, so that no anonymous account wins.
        foreach (var host in new[] { "localhost", "127.0.0.1", "%" })
        {
            await NodeCommands.ExecuteAsync(Primary,
                $"CREATE USER {NodeCommands.Quote(ReplicationUser)}@{NodeCommands.Quote(host)} IDENTIFIED BY {NodeCommands.Quote(password)}; " +
                $"GRANT REPLICATION SLAVE ON *.* TO {NodeCommands.Quote(ReplicationUser)}@{NodeCommands.Quote(host)}", cancellationToken).ConfigureAwait(false);
        }

        // MASTER_CONNECT_RETRY=1: a replica whose primary was stopped and started again reconnects within a second,
        // not the default minute.
        await NodeCommands.ExecuteAsync(Replica,
            $"CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT={Primary.Port.ToString(CultureInfo.InvariantCulture)}, " +
            $"MASTER_USER={NodeCommands.Quote(ReplicationUser)}, MASTER_PASSWORD={NodeCommands.Quote(password)}, " +
            "MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE", cancellationToken).ConfigureAwait(false);
    }
}
