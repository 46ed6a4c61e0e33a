using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>The replica pair that <see cref="ReplicaRoutingTests"/> share, and the application account they log in with.</summary>
public sealed class RoutingPairFixture : TopologyFixture<ThrowawayReplicaPair>
{
    public TopologyAccount Account { get; private set; } = null!;

    protected override async Task<ThrowawayReplicaPair> StartAsync()
    {
        var pair = await ThrowawayReplicaPair.StartAsync();
        Account = await pair.CreateApplicationAccountAsync();
        // Per-account statistics on both servers, so that each counts what the application's account sent it.
        await Sql.ExecuteAsync(pair.Primary.ConnectionString, "SET GLOBAL userstat = ON");
        await Sql.ExecuteAsync(pair.Replica.ConnectionString, "SET GLOBAL userstat = ON");
        return pair;
    }
}

/// <summary>
/// A database object over a primary and a replica: reads go to the replica and writes only to the primary, each
/// counted by the server's own statement counters; read-your-writes returns the write in every trial even with the
/// replica's SQL thread stopped, where eventual reads are stale; a replica killed under eight readers costs them no
/// error. The tests share one pair and run in the order written, the kill last.
/// </summary>
[TestMethodOrderer(typeof(DeclarationOrder))]
public sealed class ReplicaRoutingTests(RoutingPairFixture fixture, ITestOutputHelper output) : IClassFixture<RoutingPairFixture>
{
    private static readonly TimeSpan Catchup = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ThrowawayReplicaPair Pair => fixture.Topology;

    [Fact]
    public async Task Reads_go_to_the_replica_and_writes_only_to_the_primary_by_each_servers_counters()
    {
        var database = await CreateDatabaseAsync("routing");
        using var recorder = new RoutingRecorder(database);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Diagnostics.MicroOrmTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database) spans.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var db = Connect(database, ReadConsistency.Eventual);
        var primaryBefore = await CountersAsync(Pair.Primary);
        var replicaBefore = await CountersAsync(Pair.Replica);

        for (var i = 0; i < 20; i++) await db.Notes.InsertAsync(new Note { Text = "note " + i }, Ct);
        await Pair.WaitForReplicaAsync(Catchup, Ct);
        var found = 0;
        for (var i = 0; i < 50; i++) found += (await db.Notes.Where(n => n.Text == "note " + (i % 20)).ToListAsync(Ct)).Count;

        var primary = Delta(primaryBefore, await CountersAsync(Pair.Primary));
        var replica = Delta(replicaBefore, await CountersAsync(Pair.Replica));
        output.WriteLine($"summary: routing, by each server's statistics of the application's account: primary {primary.Insert} rows written, {primary.Select} SELECTs; replica {replica.Insert} rows written, {replica.Select} SELECTs");
        Assert.Equal(50, found);
        Assert.Equal(20, primary.Insert);
        Assert.Equal(0, replica.Insert);
        // The replica answered every read: 50, and the few questions a new pool asks once (sql_mode, server facts).
        Assert.InRange(replica.Select, 50, 53);
        // The primary answered no read: one position question per write (SELECT @@last_gtid), and its pool's questions.
        Assert.InRange(primary.Select, 20, 23);
        Assert.Equal(50, recorder.Count("replica", Pair.Replica.Port));
        Assert.Equal(0, recorder.Count("primary"));
        // Each command's span names the server it ran on.
        Assert.All(spans.Where(a => a.DisplayName == "SELECT notes"), a => Assert.Equal(Pair.Replica.Port, a.GetTagItem("server.port")));
        Assert.All(spans.Where(a => a.DisplayName == "INSERT notes"), a => Assert.Equal(Pair.Primary.Port, a.GetTagItem("server.port")));
        Assert.Equal(50, spans.Count(a => a.DisplayName == "SELECT notes"));
    }

    [Fact]
    public async Task Read_your_writes_sees_every_write_with_the_replica_stopped_where_eventual_reads_are_stale()
    {
        var database = await CreateDatabaseAsync("ryw");
        using var recorder = new RoutingRecorder(database);
        await using var ryw = Connect(database, ReadConsistency.ReadYourWrites);
        await using var eventual = Connect(database, ReadConsistency.Eventual);
        const int Trials = 20;

        await Pair.StopReplicationAsync(Ct);
        int seen = 0, stale = 0;
        try
        {
            for (var i = 0; i < Trials; i++)
            {
                var note = new Note { Text = "ryw " + i };
                await ryw.Notes.InsertAsync(note, Ct);
                if (await ryw.Notes.FindAsync(note.Id, Ct) is { } read && read.Text == note.Text) seen++;

                var other = new Note { Text = "eventual " + i };
                await eventual.Notes.InsertAsync(other, Ct);
                if (await eventual.Notes.FindAsync(other.Id, Ct) is null) stale++;
            }
        }
        finally
        {
            await Pair.StartReplicationAsync(Ct);
        }

        var timedOut = recorder.Decisions.Count(d => d.Role == "primary" && d.Reason.Contains("had not applied the last write", StringComparison.Ordinal));
        output.WriteLine($"summary: replica SQL thread stopped, {Trials} trials: read-your-writes saw {seen} (from the primary after the wait timed out: {timedOut}); eventual reads were stale in {stale}");
        Assert.Equal(Trials, seen);
        Assert.Equal(Trials, timedOut);
        Assert.True(stale > 0, "With the replica's SQL thread stopped, an eventual read never saw stale data: the test cannot tell the two consistencies apart.");

        // Replicating again, the same reads wait on the replica and find the write there.
        await Pair.WaitForReplicaAsync(Catchup, Ct);
        recorder.Clear();
        for (var i = 0; i < Trials; i++)
        {
            var note = new Note { Text = "caught up " + i };
            await ryw.Notes.InsertAsync(note, Ct);
            Assert.Equal(note.Text, (await ryw.Notes.FindAsync(note.Id, Ct))?.Text);
        }

        Assert.Equal(Trials, recorder.Count("replica", Pair.Replica.Port));
    }

    [Fact]
    public async Task A_consistency_token_carries_a_write_to_another_database_object_and_sticky_reads_stay_on_the_primary()
    {
        var database = await CreateDatabaseAsync("token");
        using var recorder = new RoutingRecorder(database);
        await using var writer = Connect(database, ReadConsistency.ReadYourWrites);
        await using var reader = Connect(database, ReadConsistency.ReadYourWrites);
        await using var sticky = Connect(database, ReadConsistency.StickyPrimary, stickyWindow: TimeSpan.FromMilliseconds(500));

        Assert.Null(writer.GetConsistencyToken());
        await Pair.StopReplicationAsync(Ct);
        Note note;
        try
        {
            note = new Note { Text = "carried" };
            await writer.Notes.InsertAsync(note, Ct);
            var token = ConsistencyToken.Parse(writer.GetConsistencyToken()!.ToString());
            Assert.Matches(@"^\d+-\d+-\d+$", token.Position);

            // Without the token the other object has no write to wait for, and the stopped replica does not have the row.
            Assert.Null(await reader.Notes.FindAsync(note.Id, Ct));
            reader.ReadAfter(token);
            Assert.Equal("carried", (await reader.Notes.FindAsync(note.Id, Ct))?.Text);

            // Sticky: right after its own write the object reads the primary; after the window, the (stale) replica.
            var mine = new Note { Text = "sticky" };
            await sticky.Notes.InsertAsync(mine, Ct);
            Assert.Equal("sticky", (await sticky.Notes.FindAsync(mine.Id, Ct))?.Text);
            await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
            Assert.Null(await sticky.Notes.FindAsync(mine.Id, Ct));

            // A query can ask for the primary whatever the object's consistency.
            Assert.Single(await sticky.Notes.Where(n => n.Id == mine.Id).ReadFrom(ReadConsistency.Primary).ToListAsync(Ct));
            // So can its groups and joins, which carry the query's consistency to their own statements.
            Assert.Single(await sticky.Notes.Where(n => n.Id == mine.Id).ReadFrom(ReadConsistency.Primary).GroupBy(n => n.Text).Select(n => (n.Text, Aggregates.Count())).ToListAsync(Ct));
            var joined = sticky.Notes.ReadFrom(ReadConsistency.Primary).Join(sticky.Notes, (a, b) => a.Id == b.Id).Where((a, b) => a.Id == mine.Id);
            Assert.Single(await joined.ToListAsync(Ct));
            Assert.Single(await joined.Select((a, b) => b.Text).ToListAsync(Ct));
        }
        finally
        {
            await Pair.StartReplicationAsync(Ct);
        }

        Assert.Contains(recorder.Decisions, d => d.Role == "primary" && d.Reason == "a write within the sticky window");
        Assert.Contains(recorder.Decisions, d => d.Role == "primary" && d.Reason == "the read asks for the primary");
    }

    [Fact]
    public async Task A_replica_killed_under_eight_readers_costs_them_no_error_and_is_read_again_once_back()
    {
        var database = await CreateDatabaseAsync("killed");
        using var recorder = new RoutingRecorder(database);
        await using var db = Connect(database, ReadConsistency.Eventual, probe: TimeSpan.FromMilliseconds(250));
        var ids = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            var note = new Note { Text = "row " + i };
            await db.Notes.InsertAsync(note, Ct);
            ids.Add(note.Id);
        }

        await Pair.WaitForReplicaAsync(Catchup, Ct);
        var errors = new ConcurrentQueue<(TimeSpan At, string Message)>();
        var reads = 0;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var readers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var id = ids[random.Next(ids.Count)];
                try
                {
                    if (await db.Notes.FindAsync(id, CancellationToken.None) is not { } row || row.Id != id) errors.Enqueue((clock.Elapsed, $"row {id} not found"));
                    Interlocked.Increment(ref reads);
                }
                catch (Exception failure)
                {
                    errors.Enqueue((clock.Elapsed, failure.Message));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var killedAt = clock.Elapsed;
        await Pair.Replica.KillAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var restartedAt = clock.Elapsed;
        await Pair.Replica.StartAgainAsync(Ct);
        var backAt = TimeSpan.Zero;
        while (clock.Elapsed - restartedAt < TimeSpan.FromSeconds(20))
        {
            if (recorder.Decisions.Any(d => d.Role == "replica" && d.At > DateTime.UtcNow.AddMilliseconds(-200)))
            {
                backAt = clock.Elapsed;
                break;
            }

            await Task.Delay(50, Ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(0.5), Ct);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        output.WriteLine($"summary: 8 readers, {reads} reads; replica killed at {killedAt.TotalSeconds:0.0} s, restarted at {restartedAt.TotalSeconds:0.0} s, read again at {backAt.TotalSeconds:0.0} s; {errors.Count} errors reached the readers");
        foreach (var (at, message) in errors.Take(5)) output.WriteLine($"  {at.TotalSeconds:0.000} s: {message}");
        Assert.Empty(errors);
        Assert.True(backAt > TimeSpan.Zero, "No read went to the replica within 20 s of its restart.");
        Assert.True(recorder.Decisions.Count(d => d.Role == "primary" && d.Reason == "no replica is up") > 0, "No read went to the primary while the replica was down.");
    }

    /// <summary>A database object over the pair, logged in as the application's account (which read_only applies to).</summary>
    private TopologyDb Connect(string database, ReadConsistency consistency, TimeSpan? stickyWindow = null, TimeSpan? probe = null)
    {
        var connection = new MySqlConnectionStringBuilder(fixture.Account.ConnectionStringFor(Pair.Primary)) { Database = database };
        return TopologyDb.Connect(new MicroOrmOptions
        {
            ConnectionString = connection.ConnectionString,
            Topology = new TopologyOptions
            {
                Replicas = { "127.0.0.1:" + Pair.Replica.Port },
                ReadConsistency = consistency,
                ReadYourWritesTimeout = TimeSpan.FromMilliseconds(200),
                StickyPrimaryWindow = stickyWindow ?? TimeSpan.FromSeconds(5),
                // Long enough that the probe does not take the stopped replica out of rotation during a test that stops it.
                ProbeInterval = probe ?? TimeSpan.FromHours(1),
            },
        });
    }

    /// <summary>A database of the test's own on the primary, with the model's tables, on the replica too.</summary>
    private async Task<string> CreateDatabaseAsync(string label)
    {
        var name = "t_" + label + "_" + Guid.NewGuid().ToString("N")[..6];
        await Sql.ExecuteAsync(Pair.Primary.ConnectionString, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        await using (var db = TopologyDb.Connect(new MySqlConnectionStringBuilder(Pair.Primary.ConnectionString) { Database = name }.ConnectionString))
        {
            await db.Schema.CreateAsync(Ct);
        }

        await Pair.WaitForReplicaAsync(Catchup, Ct);
        return name;
    }

    /// <summary>
    /// What the application's account sent the server, by the server's own per-account statistics (MariaDB's
    /// userstat): the SELECTs it ran and the rows it wrote. Replication applies the primary's rows as a system thread,
    /// not as the account, so a replica's figures are what clients sent it and nothing else.
    /// </summary>
    private async Task<(long Select, long Insert)> CountersAsync(ThrowawayNode node)
    {
        await using var connection = await Sql.OpenAsync(node.ConnectionString);
        await using var command = new MySqlCommand("SELECT SELECT_COMMANDS, ROWS_INSERTED + ROWS_UPDATED + ROWS_DELETED FROM information_schema.USER_STATISTICS WHERE USER = @user", connection);
        command.Parameters.AddWithValue("@user", fixture.Account.UserName);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        return await reader.ReadAsync(Ct) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    private static (long Select, long Insert) Delta((long Select, long Insert) before, (long Select, long Insert) after) =>
        (after.Select - before.Select, after.Insert - before.Insert);
}
