using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// 10,000 operations from eight workers on a server of their own, about a fifth of them failing on purpose: killed
/// connections, dropped connections, cancellations, command timeouts, duplicate keys, exceptions inside units of
/// work, abandoned readers, invalid entities. Every failure reaches the caller as the exception it should be; at the
/// end no connection is leased, and once the database object is disposed the server's Threads_connected is back
/// where it started.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class SoakTests
{
    private const int Operations = 10_000;

    [Fact]
    public async Task Ten_thousand_operations_with_faults_leave_nothing_leased_and_no_session_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ThrowawayServer.StartAsync(cancellationToken: ct);
        await using var scratch = await ScratchDatabase.CreateAsync(server, "soak", ct);
        await using var proxy = FaultProxy.Start(scratch.ConnectionString);
        var poolName = "soak-" + Guid.NewGuid().ToString("N")[..8];
        using var probe = new PoolProbe(poolName);
        var baseline = await PoolProbe.ThreadsConnectedAsync(server.ConnectionString);

        var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = PoolProbe.Named(proxy.ConnectionString(scratch.ConnectionString), poolName),
            CommandTimeout = TimeSpan.FromSeconds(1),
            MaximumPoolSize = 16,
            Retry = { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });
        await db.Schema.CreateAsync(ct);
        var outcomes = new ConcurrentDictionary<string, int>();
        var next = -1;
        using var killing = new CancellationTokenSource();
        var killer = KillBusyConnectionsAsync(server.ConnectionString, scratch.Name, killing.Token);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            int operation;
            while ((operation = Interlocked.Increment(ref next)) < Operations)
            {
                var kind = random.Next(100) switch
                {
                    < 4 => "cancelled",
                    < 8 => "duplicate key",
                    < 11 => "exception in unit of work",
                    < 14 => "abandoned reader",
                    < 16 => "invalid entity",
                    < 17 => "dropped connections",
                    < 18 => operation % 5 == 0 ? "command timeout" : "unit of work",
                    < 60 => "query",
                    < 85 => "insert",
                    _ => "unit of work",
                };
                var outcome = await RunAsync(db, proxy, kind, $"{worker}-{operation}", random, ct);
                outcomes.AddOrUpdate($"{kind}: {outcome}", 1, (_, n) => n + 1);
            }
        }, ct)));
        await killing.CancelAsync();
        var kills = await killer;

        var summary = $"{kills} connections killed; " + string.Join("; ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} = {o.Value}"));
        Assert.Equal(Operations, outcomes.Values.Sum());
        var unexpected = outcomes.Keys.FirstOrDefault(k => k.Contains("UNEXPECTED", StringComparison.Ordinal));
        Assert.True(unexpected is null, unexpected);
        // Each kind of operation ends only as that kind can: its own failure, or a connection lost to a kill or a drop.
        foreach (var (key, count) in outcomes)
        {
            var (kind, outcome) = (key[..key.IndexOf(": ", StringComparison.Ordinal)], key[(key.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
            Assert.True(Allowed[kind].Contains(outcome) || (Lost.Contains(outcome) && kind != "invalid entity"), $"{count} '{kind}' operations ended as '{outcome}', which that kind cannot legitimately produce; {summary}");
        }

        var timeouts = outcomes.Where(o => o.Key.StartsWith("command timeout: ", StringComparison.Ordinal)).Sum(o => o.Value);
        var unstopped = outcomes.TryGetValue("command timeout: ok", out var ended) ? ended : 0;
        Assert.True(unstopped <= Math.Max(2, timeouts / 4), $"{unstopped} of {timeouts} command timeouts did not stop their statement; {summary}");
        Assert.True(kills >= 20, $"too few kills landed for the soak to prove anything; {summary}");
        var failed = outcomes.Where(o => !o.Key.EndsWith(": ok", StringComparison.Ordinal)).Sum(o => o.Value);
        Assert.InRange(failed, Operations / 8, Operations / 3);
        var lost = outcomes.Where(o => Lost.Contains(o.Key[(o.Key.IndexOf(": ", StringComparison.Ordinal) + 2)..])).Sum(o => o.Value);
        Assert.True(lost >= 20 && lost <= Operations / 10, $"{lost} operations lost their connection; {summary}");
        Assert.Equal(0, probe.Used);

        await db.DisposeAsync();
        var clock = Stopwatch.StartNew();
        long threads;
        while ((threads = await PoolProbe.ThreadsConnectedAsync(server.ConnectionString)) != baseline && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(200, ct);
        Assert.True(threads == baseline, $"Threads_connected is {threads}, was {baseline}; {summary}");
        TestContext.Current.SendDiagnosticMessage(summary);
    }

    /// <summary>
    /// What a connection lost under an operation looks like: the client's lost-connection errors (2013, 2006), the
    /// server's "connection was killed" (1927), and a connection the proxy dropped while it was being opened (1042).
    /// Any operation that reaches the server may meet one (an invalid entity is refused before it does).
    /// </summary>
    private static readonly string[] Lost = ["error 2013", "error 2006", "error 1927", "error 1042"];

    /// <summary>How each kind of operation may end besides losing its connection.</summary>
    private static readonly System.Collections.Generic.Dictionary<string, string[]> Allowed = new()
    {
        ["query"] = ["ok"],
        ["insert"] = ["ok"],
        ["unit of work"] = ["ok", nameof(CommitOutcomeUnknownException)],
        // A KILL QUERY that reaches the session before its statement starts is lost (the server kills nothing), and
        // the statement then runs to its end: a cancellation may come too late to stop anything.
        ["cancelled"] = ["cancelled", "ok"],
        ["duplicate key"] = ["error 1062"],
        ["exception in unit of work"] = ["rolled back"],
        ["abandoned reader"] = ["ok"],
        ["invalid entity"] = ["refused before sending"],
        // A drop that lands while the connection is still being opened or handed over can leave the command waiting
        // for a reply that never comes, until its command timeout ends it (seen once in a loaded run).
        ["dropped connections"] = ["ok", "timeout"],
        // The timeout is a KILL QUERY too: on a loaded machine it can reach the session before SLEEP starts, and the
        // statement then runs to its end (seen once). Such a lost kill must stay rare; the bound is checked below.
        ["command timeout"] = ["timeout", "ok"],
    };

    /// <summary>Runs one operation of the given kind; returns "ok" or the name of what it threw, flagged when unexpected.</summary>
    private static async Task<string> RunAsync(TestDb db, FaultProxy proxy, string kind, string id, Random random, CancellationToken ct)
    {
        try
        {
            switch (kind)
            {
                case "query":
                    await db.Counters.Where(c => c.Value > random.Next(100)).Take(5).ToListAsync(ct);
                    break;
                case "insert":
                    await db.Counters.InsertAsync(new Counter("c-" + id) { Value = random.Next(100) }, ct);
                    break;
                case "unit of work":
                    await db.RunInTransactionAsync(async (tx, c) =>
                    {
                        await db.Counters.InsertAsync(new Counter("u-" + id), c);
                        await db.Counters.Where(x => x.Name == "u-" + id).UpdateAsync(u => u.Increment(x => x.Value, 1), c);
                    }, cancellationToken: ct);
                    break;
                case "cancelled":
                    using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 3))))
                    {
                        await db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.05)", cancel.Token);
                    }

                    break;
                case "duplicate key":
                    await db.Counters.InsertAsync(new Counter("dup-" + id), ct);
                    await db.Counters.InsertAsync(new Counter("dup-" + id), ct);
                    break;
                case "exception in unit of work":
                    await db.RunInTransactionAsync(async (tx, c) =>
                    {
                        await db.Counters.InsertAsync(new Counter("x-" + id), c);
                        throw new InvalidOperationException("the work failed");
                    }, cancellationToken: ct);
                    break;
                case "abandoned reader":
                    await foreach (var _ in db.Counters.AsAsyncEnumerable(ct)) break;
                    return "ok";
                case "invalid entity":
                    await db.Counters.InsertAsync(new Counter(new string('n', 100)), ct);
                    break;
                case "dropped connections":
                    var running = db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.05)", ct);
                    await Task.Delay(10, ct);
                    proxy.DropAll();
                    await running;
                    break;
                case "command timeout":
                    await db.ExecuteScalarAsync<long>($"SELECT SLEEP(3)", ct);
                    break;
            }

            return "ok";
        }
        catch (ValidationException) when (kind == "invalid entity")
        {
            return "refused before sending";
        }
        catch (OperationCanceledException) when (kind == "cancelled")
        {
            return "cancelled";
        }
        catch (InvalidOperationException exception) when (kind == "exception in unit of work" && exception.Message == "the work failed")
        {
            return "rolled back";
        }
        catch (MicroOrmException exception) when (exception is not ValidationException && exception.Message.StartsWith("The command did not finish within the command timeout", StringComparison.Ordinal))
        {
            return "timeout";
        }
        catch (MicroOrmException exception) when (exception is not ValidationException)
        {
            return exception.ServerErrorCode is { } code ? $"error {code}" : exception.GetType().Name;
        }
        catch (Exception exception)
        {
            return "UNEXPECTED " + exception;
        }
    }

    /// <summary>Every few milliseconds, KILLs one of the database's connections that is running a statement.</summary>
    private static async Task<int> KillBusyConnectionsAsync(string serverConnectionString, string database, CancellationToken stop)
    {
        var kills = 0;
        var random = new Random(42);
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(5, 40), stop);
                await using var find = new MySqlCommand($"SELECT id FROM information_schema.processlist WHERE db = '{database}' AND command = 'Query' AND id <> CONNECTION_ID() ORDER BY RAND() LIMIT 1", connection);
                if (await find.ExecuteScalarAsync(stop) is { } id)
                {
                    await using var kill = new MySqlCommand($"KILL {id}", connection);
                    await kill.ExecuteNonQueryAsync(stop);
                    kills++;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (MySqlException exception) when (exception.Number == 1094)
            {
                // The statement finished first.
            }
        }

        return kills;
    }
}
