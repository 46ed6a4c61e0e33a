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

/// <summary>A Galera cluster of its own for <see cref="GaleraWriteTests"/>, whose tests kill its nodes.</summary>
public sealed class GaleraWriteFixture : TopologyFixture<ThrowawayGaleraCluster>
{
    protected override Task<ThrowawayGaleraCluster> StartAsync() => ThrowawayGaleraCluster.StartAsync();
}

/// <summary>
/// MicroOrm's Galera profile on a three-node cluster: eight workers write units of work (a ledger row each, and the
/// balance it adds to) while the node they write through is killed and restarted, and no acknowledged unit is lost or
/// applied twice; two database objects writing the same rows through two nodes meet certification conflicts, which
/// are retried until the sum is exact.
/// </summary>
[TestMethodOrderer(typeof(DeclarationOrder))]
public sealed class GaleraWriteTests(GaleraWriteFixture fixture, ITestOutputHelper output) : IClassFixture<GaleraWriteFixture>
{
    private const int Accounts = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ThrowawayGaleraCluster Cluster => fixture.Topology;

    [Fact]
    public async Task Eight_workers_lose_no_acknowledged_unit_and_apply_none_twice_while_their_node_is_killed_and_restarted()
    {
        var cluster = Cluster;
        var database = await CreateDatabaseAsync("galera");
        using var recorder = new RoutingRecorder(database);
        var clock = Stopwatch.StartNew();
        var failedCommands = new FailedCommands(clock);
        await using var db = Connect(database, writeThrough: 0, failedCommands);
        var acknowledged = new ConcurrentDictionary<string, int>();
        var errors = new ConcurrentQueue<(TimeSpan At, string Message)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var unit = $"w{worker}-{i}";
                var account = 1 + random.Next(Accounts);
                var amount = 1 + random.Next(100);
                try
                {
                    await db.RunInTransactionAsync(
                        async (transaction, ct) =>
                        {
                            await transaction.ExecuteAsync($"INSERT INTO ledger (unit_id, account, amount) VALUES ({unit}, {account}, {amount})", ct);
                            return await transaction.ExecuteAsync($"UPDATE accounts SET balance = balance + {amount} WHERE id = {account}", ct);
                        },
                        async ct => (await db.Ledger.Where(l => l.UnitId == unit).ToListAsync(ct)).Count == 1,
                        cancellationToken: CancellationToken.None);
                    acknowledged[unit] = amount;
                }
                catch (Exception failure)
                {
                    errors.Enqueue((clock.Elapsed, failure.GetType().Name + ": " + failure.Message));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var killedAt = clock.Elapsed;
        await cluster.Nodes[0].KillAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        var restartedAt = clock.Elapsed;
        await cluster.Nodes[0].StartAgainAsync(Ct);
        await cluster.WaitUntilSyncedAsync(TimeSpan.FromSeconds(90), Ct);
        var syncedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var node = cluster.Nodes[1].ConnectionString + ";Database=" + database;
        var ledger = await Sql.ScalarsAsync(node, "SELECT CONCAT(unit_id, '=', amount) FROM ledger");
        var total = await Sql.ScalarAsync<long>(node, "SELECT COALESCE(SUM(balance), 0) FROM accounts");
        var inLedger = ledger.Select(l => l.Split('=')).ToDictionary(l => l[0], l => int.Parse(l[1], System.Globalization.CultureInfo.InvariantCulture));
        var lost = acknowledged.Keys.Where(unit => !inLedger.ContainsKey(unit)).ToList();
        output.WriteLine(
            $"summary: Galera, 8 workers: {acknowledged.Count} units acknowledged; node1 killed at {killedAt.TotalSeconds:0.0} s, restarted at {restartedAt.TotalSeconds:0.0} s, synced at {syncedAt.TotalSeconds:0.0} s; " +
            $"{recorder.Count("failover")} failover(s), {recorder.Count("retry")} unit retries; {lost.Count} acknowledged units lost; {inLedger.Count - acknowledged.Count} ledger rows of units not acknowledged; {errors.Count} errors reached the workers");
        foreach (var (at, message) in errors.Take(5)) output.WriteLine($"  {at.TotalSeconds:0.000} s: {message}");
        // When a unit went wrong, the commands that failed on the way (each unit's are retried in order) say how.
        if (errors.Count > 0 || inLedger.Count != acknowledged.Count) foreach (var line in failedCommands.Lines.Take(60)) output.WriteLine("  failed command: " + line);
        Assert.Empty(lost);
        Assert.Equal(ledger.Count, inLedger.Count); // the unique unit id: a unit applied twice would have failed, not hidden
        Assert.Equal(inLedger.Values.Sum(), total);
        Assert.Equal(acknowledged.Count, inLedger.Count);
        Assert.Empty(errors);
        Assert.True(recorder.Count("failover") >= 1, "The workers never wrote through another node.");
        Assert.True(acknowledged.Count > 100, $"Only {acknowledged.Count} units were acknowledged.");
    }

    [Fact]
    public async Task Two_nodes_updating_the_same_rows_meet_certification_conflicts_that_are_retried_until_the_sum_is_exact()
    {
        var database = await CreateDatabaseAsync("conflicts");
        using var recorder = new RoutingRecorder(database);
        await using var first = Connect(database, writeThrough: 0);
        await using var second = Connect(database, writeThrough: 1);
        const int Units = 150;

        async Task Run(TopologyDb db)
        {
            for (var i = 0; i < Units; i++)
            {
                await db.RunInTransactionAsync(async (transaction, ct) =>
                {
                    for (var account = 1; account <= Accounts; account++)
                    {
                        await transaction.ExecuteAsync($"UPDATE accounts SET balance = balance + 1 WHERE id = {account}", ct);
                    }
                }, cancellationToken: Ct);
            }
        }

        await Task.WhenAll(Task.Run(() => Run(first), Ct), Task.Run(() => Run(second), Ct));

        var sums = await Sql.ScalarsAsync(Cluster.Nodes[2].ConnectionString + ";Database=" + database, "SELECT balance FROM accounts ORDER BY id");
        output.WriteLine($"summary: Galera, two objects writing the same {Accounts} rows through two nodes, {Units} units each: {recorder.Count("retry")} certification conflicts retried; balances {string.Join(", ", sums)}");
        Assert.All(sums, sum => Assert.Equal((2 * Units).ToString(System.Globalization.CultureInfo.InvariantCulture), sum));
        Assert.True(recorder.Count("retry") > 0, "No certification conflict happened, so the retry of one was not shown.");
    }

    [Fact]
    public async Task A_read_after_a_write_on_another_node_is_causal()
    {
        // Reset sessions lost causality in about 2 reads of 1,000 (see ServerMember.CausalPool): enough trials to see it.
        const int Trials = 500;
        var database = await CreateDatabaseAsync("causal");
        using var recorder = new RoutingRecorder(database);
        await using var db = Connect(database, writeThrough: 0);

        // Before any write, a read needs no causality; after one, the read's session waits for the cluster (wsrep_sync_wait).
        Assert.Equal([0L], await db.QueryValuesAsync<long>($"SELECT @@SESSION.wsrep_sync_wait", Ct));
        for (var i = 0; i < Trials; i++)
        {
            var note = new Note { Text = "causal " + i };
            await db.Notes.InsertAsync(note, Ct);
            var found = (await db.Notes.FindAsync(note.Id, Ct))?.Text;
            Assert.Equal(note.Text, found);
        }

        Assert.Equal([1L], await db.QueryValuesAsync<long>($"SELECT @@SESSION.wsrep_sync_wait", Ct));
        var nodes = recorder.Decisions.Where(d => d.Role == "replica").Select(d => d.Port).Distinct().Count();
        output.WriteLine($"summary: Galera causal reads: {Trials} writes through node1, each read back at once from one of {nodes} nodes with wsrep_sync_wait = 1");
        Assert.True(nodes >= 2, "The reads never went to a node other than the one written through.");
    }

    [Fact]
    public async Task Three_runners_writing_through_three_nodes_apply_the_migrations_once_under_the_cluster_wide_lock_row()
    {
        // GET_LOCK holds only on the node that granted it: on Galera the runners must take the lock row instead.
        var name = "t_migrate_" + Guid.NewGuid().ToString("N")[..6];
        await Sql.ExecuteAsync(Cluster.Nodes[0].ConnectionString, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        var commands = new ConcurrentQueue<string>();
        var runners = Enumerable.Range(0, 3).Select(node => Connect(name, writeThrough: node, new CommandLog(commands))).ToList();
        try
        {
            var applied = await Task.WhenAll(runners.Select(db => Task.Run(async () => await db.Migrations.ApplyAsync(Ct), Ct)));

            var node = Cluster.Nodes[2].ConnectionString + ";Database=" + name;
            var expected = runners[0].Migrations.All;
            var steps = expected.Sum(m => m.StepCount);
            output.WriteLine($"summary: Galera, 3 runners writing through 3 nodes at once: {string.Join(", ", applied.Select(a => a.Count))} migration(s) applied by each; lock: {commands.Count(c => c.Contains("microorm_migration_lock", StringComparison.Ordinal))} lock-row commands, {commands.Count(c => c.Contains("GET_LOCK", StringComparison.Ordinal))} GET_LOCK");
            Assert.Equal(expected.Count, applied.Sum(a => a.Count));
            Assert.DoesNotContain(commands, c => c.Contains("GET_LOCK", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.StartsWith("CREATE TABLE IF NOT EXISTS `microorm_migration_lock`", StringComparison.Ordinal));
            Assert.Equal([$"{expected.Count}"], await Sql.ScalarsAsync(node, "SELECT COUNT(*) FROM microorm_migrations WHERE finished_at IS NOT NULL"));
            Assert.Equal([$"{steps}"], await Sql.ScalarsAsync(node, "SELECT COUNT(*) FROM microorm_migration_steps"));
            Assert.Equal(["accounts", "ledger", "notes"], await Sql.ScalarsAsync(node, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{name}' AND table_name NOT LIKE 'microorm%' ORDER BY table_name"));
        }
        finally
        {
            foreach (var db in runners) await db.DisposeAsync();
        }
    }

    /// <summary>A database object that writes through node <paramref name="writeThrough"/> first, then the others in order, and reads from any.</summary>
    private TopologyDb Connect(string database, int writeThrough, ICommandInterceptor? interceptor = null)
    {
        var nodes = Cluster.Nodes;
        var order = Enumerable.Range(0, nodes.Count).Select(i => nodes[(writeThrough + i) % nodes.Count]).ToList();
        var options = new MicroOrmOptions
        {
            ConnectionString = new MySqlConnectionStringBuilder(order[0].ConnectionString) { Database = database, ConnectionTimeout = 2 }.ConnectionString,
            Topology = new TopologyOptions { Kind = ClusterKind.Galera, ProbeInterval = TimeSpan.FromMilliseconds(250) },
            Retry = new RetryOptions { MaxAttempts = 1000, MaxTotalTime = TimeSpan.FromSeconds(60), BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) },
        };
        foreach (var node in order.Skip(1)) options.Topology.FailoverServers.Add("127.0.0.1:" + node.Port);
        if (interceptor is not null) options.Interceptors.Add(interceptor);
        return TopologyDb.Connect(options);
    }

    /// <summary>A database of the test's own, with the model's tables and the accounts at zero.</summary>
    private async Task<string> CreateDatabaseAsync(string label)
    {
        var name = "t_" + label + "_" + Guid.NewGuid().ToString("N")[..6];
        var node = Cluster.Nodes[0];
        await Sql.ExecuteAsync(node.ConnectionString, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        await using (var db = TopologyDb.Connect(new MySqlConnectionStringBuilder(node.ConnectionString) { Database = name }.ConnectionString))
        {
            await db.Schema.CreateAsync(Ct);
            for (var account = 1; account <= Accounts; account++) await db.Accounts.InsertAsync(new Account { Id = account, Balance = 0 }, Ct);
        }

        return name;
    }

    /// <summary>The text of every command that ran.</summary>
    private sealed class CommandLog(ConcurrentQueue<string> commands) : ICommandInterceptor
    {
        public void Executing(CommandContext command) => commands.Enqueue(command.Sql);

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception)
        {
        }
    }

    /// <summary>Every command that failed, with when and on what values: the story of a unit that went wrong.</summary>
    private sealed class FailedCommands(Stopwatch clock) : ICommandInterceptor
    {
        private readonly ConcurrentQueue<string> _failures = new();

        public IEnumerable<string> Lines => _failures;

        public void Executing(CommandContext command)
        {
        }

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception) =>
            _failures.Enqueue($"{clock.Elapsed.TotalSeconds:0.000} s: {command.Sql} [{string.Join(", ", command.Parameters.Select(p => p.Value))}] after {duration.TotalMilliseconds:0} ms: {exception.Message}");
    }
}
