using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// Connections killed from a second session (<c>KILL</c>) in the middle of transactions: before a random statement,
/// or at a random moment while the transaction runs. Each transaction writes five rows and a marker; afterwards its
/// rows are all there or none are, and every failure reached the caller as a MicroOrm exception. 200 trials here;
/// MICROORM_STRESS=1 runs 1,000 of each kind.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class KillTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int RowsPerTransaction = 6;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Trials => Environment.GetEnvironmentVariable("MICROORM_STRESS") == "1" ? 1000 : 200;

    [Fact]
    public async Task A_connection_killed_before_a_random_statement_leaves_every_transaction_all_or_nothing()
    {
        await using var db = database.Connect();
        await using var killer = await OpenKillerAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var random = new Random(20261126);
        var outcomes = new ConcurrentDictionary<string, int>();
        var landed = 0;

        for (var trial = 0; trial < Trials; trial++)
        {
            var name = $"{run}-{trial}";
            var killBefore = random.Next(0, RowsPerTransaction + 1); // the last index is the COMMIT
            var outcome = await TransactionAsync(db, name, async (step, session) =>
            {
                if (step == killBefore && await KillAsync(killer, session)) landed++;
            });
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }

        await AssertAllOrNothingAsync(db, run, outcomes);
        // Every kill found its session mid-transaction, and every transaction felt it.
        Assert.True(landed == Trials, $"{landed} of {Trials} kills landed; {Describe(outcomes)}");
        Assert.True(outcomes.GetValueOrDefault("committed") == 0, Describe(outcomes));
        Assert.All(outcomes.Keys, k => Assert.True(k is "MicroOrmException 2013" or "CommitOutcomeUnknownException", Describe(outcomes)));
    }

    [Fact]
    public async Task A_connection_killed_at_a_random_moment_leaves_every_transaction_all_or_nothing()
    {
        await using var db = database.Connect();
        await using var killer = await OpenKillerAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var random = new Random(1126);
        var outcomes = new ConcurrentDictionary<string, int>();
        // "A random moment" is a random point of a transaction's own length on this machine, measured first without
        // kills: a fixed range would miss the transaction altogether on a fast machine and land after it on a slow one.
        var length = await TypicalLengthAsync(db, run);

        for (var trial = 0; trial < Trials; trial++)
        {
            var name = $"{run}-{trial}";
            // Within the first half: the kill itself takes a round trip to land.
            var delay = length * random.NextDouble() / 2;
            Task? kill = null;
            var outcome = await TransactionAsync(db, name, (step, session) =>
            {
                // Fired once, from the first statement: it lands wherever the transaction has got to by then.
                // The wait spins: a transaction here lasts about a millisecond, finer than any timer.
                if (step == 0) kill = Task.Run(async () => { SpinFor(delay); await KillAsync(killer, session); }, Ct);
                return Task.CompletedTask;
            });
            if (kill is not null) await kill;
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }

        await AssertAllOrNothingAsync(db, run, outcomes);
        var killed = Trials - outcomes.GetValueOrDefault("committed");
        Assert.True(killed >= Trials / 2, $"only {killed} of {Trials} transactions saw their connection killed (a transaction takes {length.TotalMilliseconds:0.0} ms here); {Describe(outcomes)}");
    }

    private static void SpinFor(TimeSpan delay)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < delay) Thread.SpinWait(10);
    }

    /// <summary>The median length of ten transactions like the trials', run without kills (and deleted after).</summary>
    private async Task<TimeSpan> TypicalLengthAsync(TestDb db, string run)
    {
        var lengths = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal("committed", await TransactionAsync(db, $"{run}-calibration", (_, _) => Task.CompletedTask));
            lengths.Add(clock.Elapsed);
        }

        await db.ExecuteAsync($"DELETE FROM trial_rows WHERE trial = {run + "-calibration"}", Ct);
        return lengths.Order().ElementAt(lengths.Count / 2);
    }

    /// <summary>Runs one transaction of five rows and a marker; returns how it ended.</summary>
    private static async Task<string> TransactionAsync(TestDb db, string name, Func<int, long, Task> beforeStep)
    {
        try
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
            var session = await transaction.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);
            for (var step = 0; step < RowsPerTransaction; step++)
            {
                await beforeStep(step, session);
                await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = step, IsMarker = step == RowsPerTransaction - 1 }, Ct);
            }

            await beforeStep(RowsPerTransaction, session);
            await transaction.CommitAsync(Ct);
            return "committed";
        }
        catch (MicroOrmException exception)
        {
            return exception.GetType().Name + (exception.ServerErrorCode is { } code ? " " + code : "");
        }
        catch (Exception exception)
        {
            return "NOT A MICROORM EXCEPTION: " + exception.GetType().FullName + ": " + exception.Message;
        }
    }

    private async Task AssertAllOrNothingAsync(TestDb db, string run, ConcurrentDictionary<string, int> outcomes)
    {
        var counts = await db.QueryAsync<string, long>($"SELECT trial, COUNT(*) FROM trial_rows WHERE trial LIKE {run + "-%"} GROUP BY trial", Ct);
        var partial = counts.Where(c => c.Item2 != RowsPerTransaction).ToList();
        Assert.True(partial.Count == 0, $"partial transactions: {string.Join(", ", partial)}; outcomes: {Describe(outcomes)}");
        // A kill that lands while COMMIT is on the wire leaves the outcome unknown to the client, and the server may
        // have committed: those trials may be present or absent. Every other trial is present exactly when it said so.
        var committed = outcomes.GetValueOrDefault("committed");
        var unknown = outcomes.GetValueOrDefault(nameof(CommitOutcomeUnknownException));
        Assert.True(counts.Count >= committed && counts.Count <= committed + unknown,
            $"{counts.Count} transactions present, {committed} reported committed and {unknown} with an unknown outcome; outcomes: {Describe(outcomes)}");
        Assert.DoesNotContain(outcomes.Keys, k => k.StartsWith("NOT A MICROORM EXCEPTION", StringComparison.Ordinal));
        Assert.Equal(Trials, outcomes.Values.Sum());
        TestContext.Current.SendDiagnosticMessage($"{run}: {Describe(outcomes)}");
    }

    private static string Describe(ConcurrentDictionary<string, int> outcomes) =>
        string.Join("; ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}: {o.Value}"));

    private async Task<MySqlConnection> OpenKillerAsync()
    {
        var killer = new MySqlConnection(database.ConnectionString);
        await killer.OpenAsync(Ct);
        return killer;
    }

    /// <summary>KILLs the session; whether it was still there to kill.</summary>
    private static async Task<bool> KillAsync(MySqlConnection killer, long session)
    {
        await using var command = new MySqlCommand($"KILL {session}", killer);
        try
        {
            await command.ExecuteNonQueryAsync(Ct);
            return true;
        }
        catch (MySqlException exception) when (exception.Number == 1094)
        {
            // Unknown thread id: the transaction had already finished and its session was reset or closed.
            return false;
        }
    }
}
