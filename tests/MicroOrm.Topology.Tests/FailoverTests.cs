using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>A replica pair of its own for <see cref="FailoverTests"/> (promotion ends its replication), with semi-synchronous replication.</summary>
public sealed class FailoverPairFixture : TopologyFixture<ThrowawayReplicaPair>
{
    public TopologyAccount Account { get; private set; } = null!;

    protected override async Task<ThrowawayReplicaPair> StartAsync()
    {
        var pair = await ThrowawayReplicaPair.StartAsync();
        Account = await pair.CreateApplicationAccountAsync();
        // Semi-synchronous: the primary acknowledges a commit only once the replica has it, so that a primary killed
        // at any moment has no acknowledged write the replica lacks (with asynchronous replication it may, and no
        // client can help that). MariaDB 10.3+ has it built in.
        await Sql.ExecuteAsync(pair.Primary.ConnectionString, "SET GLOBAL rpl_semi_sync_master_enabled = ON; SET GLOBAL rpl_semi_sync_master_wait_point = AFTER_SYNC; SET GLOBAL rpl_semi_sync_master_timeout = 10000");
        await Sql.ExecuteAsync(pair.Replica.ConnectionString, "SET GLOBAL rpl_semi_sync_slave_enabled = ON; STOP SLAVE IO_THREAD; START SLAVE IO_THREAD");
        return pair;
    }
}

/// <summary>
/// The primary is killed while four writers run units of work through a database object whose topology names the
/// replica as the failover server; the replica is promoted (what a failover manager does). Writes go on through the
/// same object, within a bounded window, and every write acknowledged before or after is in the new primary.
/// </summary>
public sealed class FailoverTests(FailoverPairFixture fixture, ITestOutputHelper output) : IClassFixture<FailoverPairFixture>
{
    /// <summary>The most the writers may go without an acknowledged write, from the kill (the promotion takes part of it).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_continue_on_the_promoted_replica_and_every_acknowledged_write_is_there()
    {
        var pair = fixture.Topology;
        var database = "t_failover_" + Guid.NewGuid().ToString("N")[..6];
        await Sql.ExecuteAsync(pair.Primary.ConnectionString, $"CREATE DATABASE {database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        await using (var setup = TopologyDb.Connect(new MySqlConnectionStringBuilder(pair.Primary.ConnectionString) { Database = database }.ConnectionString))
        {
            await setup.Schema.CreateAsync(Ct);
        }

        await pair.WaitForReplicaAsync(TimeSpan.FromSeconds(30), Ct);
        using var recorder = new RoutingRecorder(database);
        await using var db = TopologyDb.Connect(new MicroOrmOptions
        {
            ConnectionString = new MySqlConnectionStringBuilder(fixture.Account.ConnectionStringFor(pair.Primary)) { Database = database, ConnectionTimeout = 2 }.ConnectionString,
            Topology = new TopologyOptions { FailoverServers = { "127.0.0.1:" + pair.Replica.Port }, ProbeInterval = TimeSpan.FromMilliseconds(250) },
            Retry = new RetryOptions { MaxAttempts = 1000, MaxTotalTime = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(500) },
        });

        var acknowledged = new ConcurrentQueue<(string Text, TimeSpan At)>();
        var errors = new ConcurrentQueue<(TimeSpan At, string Message)>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var text = $"w{worker}-{i}";
                try
                {
                    await db.RunInTransactionAsync(
                        async (transaction, ct) => await transaction.ExecuteAsync($"INSERT INTO notes (text) VALUES ({text})", ct),
                        async ct => (await db.Notes.Where(n => n.Text == text).ToListAsync(ct)).Count == 1,
                        cancellationToken: CancellationToken.None);
                    acknowledged.Enqueue((text, clock.Elapsed));
                }
                catch (Exception failure)
                {
                    errors.Enqueue((clock.Elapsed, failure.GetType().Name + ": " + failure.Message));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var killedAt = clock.Elapsed;
        await pair.Primary.KillAsync(Ct);
        // The failover manager's part: let the replica apply what it received, then make it writable.
        await WaitForRelayLogAsync(pair.Replica);
        await pair.PromoteReplicaAsync(Ct);
        var promotedAt = clock.Elapsed;
        while (clock.Elapsed - killedAt < Window + TimeSpan.FromSeconds(5) && !acknowledged.Any(a => a.At > promotedAt)) await Task.Delay(50, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var stoppedAt = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var before = acknowledged.Count(a => a.At < killedAt);
        // The longest the writers went without an acknowledged write, from the kill to the end.
        var times = acknowledged.Select(a => a.At).Where(at => at >= killedAt && at <= stoppedAt).Order().Prepend(killedAt).Append(stoppedAt).ToList();
        var gap = times.Zip(times.Skip(1), (a, b) => b - a).Max();
        var present = (await Sql.ScalarsAsync(fixture.Account.ConnectionStringFor(pair.Replica) + ";Database=" + database, "SELECT text FROM notes")).ToHashSet();
        var missing = acknowledged.Where(a => !present.Contains(a.Text)).ToList();
        output.WriteLine($"summary: failover: {acknowledged.Count} writes acknowledged ({before} before the kill at {killedAt.TotalSeconds:0.0} s), replica promoted at {promotedAt.TotalSeconds:0.0} s; the longest pause between acknowledged writes after the kill was {gap.TotalSeconds:0.00} s; {errors.Count} errors reached the writers; {missing.Count} acknowledged writes missing; {recorder.Count("failover")} failover(s) recorded");
        foreach (var (at, message) in errors.Take(5)) output.WriteLine($"  {at.TotalSeconds:0.000} s: {message}");
        Assert.True(before > 0, "No write was acknowledged before the kill.");
        Assert.True(gap <= Window, $"The writers went {gap.TotalSeconds:0.00} s without an acknowledged write, beyond the {Window.TotalSeconds} s window.");
        Assert.Contains(acknowledged, a => a.At > promotedAt);
        Assert.Empty(missing);
        Assert.Empty(errors);
        Assert.Equal(1, recorder.Count("failover"));
    }

    /// <summary>Waits until the replica has applied every event it received from the killed primary.</summary>
    private static async Task WaitForRelayLogAsync(ThrowawayNode replica)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var connection = await Sql.OpenAsync(replica.ConnectionString);
            await using var command = new MySqlCommand("SHOW SLAVE STATUS", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            if (await reader.ReadAsync(Ct))
            {
                var read = Convert.ToString(reader.GetValue(reader.GetOrdinal("Read_Master_Log_Pos")), System.Globalization.CultureInfo.InvariantCulture);
                var executed = Convert.ToString(reader.GetValue(reader.GetOrdinal("Exec_Master_Log_Pos")), System.Globalization.CultureInfo.InvariantCulture);
                var file = reader.GetString(reader.GetOrdinal("Master_Log_File"));
                var executedFile = reader.GetString(reader.GetOrdinal("Relay_Master_Log_File"));
                if (read == executed && file == executedFile) return;
            }

            await Task.Delay(20, Ct);
        }

        throw new TimeoutException("The replica did not apply its relay log within 30 s.");
    }
}
