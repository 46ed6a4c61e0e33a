using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>The injection tests share one private server: its GLOBAL counters must see only one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class InjectionServerCollection : ICollectionFixture<InjectionServerFixture>
{
    public const string Name = "injection server";
}

/// <summary>
/// Every payload of the corpus goes through every public API that takes a user value (<see cref="InjectionApis"/>),
/// on a pooled database object and on a borrowed connection, with the server's sql_mode at its default, with
/// NO_BACKSLASH_ESCAPES and with ANSI_QUOTES, since both change how the server reads quotes and backslashes.
/// Payloads must be stored and read back byte for byte and matched literally; no row outside an API's own may change;
/// the server's Com_* counters must show exactly the statements each API is meant to send; and no command may take a
/// second (the time-based payloads ask for three).
/// </summary>
[Collection(InjectionServerCollection.Name)]
public sealed class InjectionTests(InjectionServerFixture server, ITestOutputHelper output)
{
    private static readonly (string Label, string Mode)[] Modes = [("def", ""), ("nbe", "NO_BACKSLASH_ESCAPES"), ("ansi", "ANSI_QUOTES")];

    [Fact]
    public void The_corpus_has_at_least_200_distinct_payloads()
    {
        Assert.True(InjectionCorpus.Payloads.Count >= 200, $"{InjectionCorpus.Payloads.Count} payloads");
        Assert.Equal(InjectionCorpus.Payloads.Count, InjectionCorpus.Payloads.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Every_payload_through_every_api_in_every_mode_is_a_plain_value()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = new List<InjectionRun>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var (label, mode) in Modes)
            {
                await server.SetDefaultModeAsync(mode);
                var options = new MySqlConnectionStringBuilder(server.ConnectionString) { NoBackslashEscapes = mode == "NO_BACKSLASH_ESCAPES" };

                // Pooled: one session, so the guard's one look at its sql_mode (cached per session) happens in the warm-up.
                await using (var pooled = TestDb.Connect(new MySqlConnectionStringBuilder(server.ConnectionString) { MaximumPoolSize = 1 }.ConnectionString))
                {
                    await pooled.ExecuteScalarAsync<string>($"SELECT {"\\"}", ct);
                    runs.Add(await RunAsync(new InjectionRun(server, pooled, label + ".pool", guardAsksEveryCommand: false, refusesBackslashes: false, leasesPerCommand: true), ct));
                }

                // Borrowed: the caller's connection, whose session the guard asks about before each command with a backslash.
                await using var connection = new MySqlConnection(options.ConnectionString);
                await connection.OpenAsync(ct);
                await using (var borrowed = TestDb.FromConnection(connection))
                {
                    runs.Add(await RunAsync(new InjectionRun(server, borrowed, label + ".conn", guardAsksEveryCommand: true, refusesBackslashes: false, leasesPerCommand: false), ct));
                }
            }
        }
        finally
        {
            await server.SetDefaultModeAsync("");
        }

        Report(output, "injection corpus", runs, "pooled and borrowed, modes default, NO_BACKSLASH_ESCAPES, ANSI_QUOTES", clock.Elapsed);
    }

    internal static async Task<InjectionRun> RunAsync(InjectionRun run, System.Threading.CancellationToken ct)
    {
        await run.SeedAsync(ct);
        foreach (var api in InjectionApis.All) await run.RunAsync(api, ct);
        await run.CleanUpAsync(ct);
        return run;
    }

    /// <summary>Writes the one summary line, from the counts measured, then fails on anything that went wrong.</summary>
    internal static void Report(ITestOutputHelper output, string what, List<InjectionRun> runs, string where, TimeSpan elapsed)
    {
        var slowest = runs.MaxBy(r => r.Slowest.Elapsed)!.Slowest;
        output.WriteLine(
            $"summary: {what}: {InjectionCorpus.Payloads.Count} payloads through {InjectionApis.All.Count} APIs ({InjectionApis.Names}), " +
            $"{where}; {runs.Sum(r => r.RowsChanged)} rows changed, {runs.Sum(r => r.ExtraStatements)} extra statements " +
            $"({runs.Sum(r => r.StatementsCounted)} statements counted by the server), slowest command {slowest.Elapsed.TotalMilliseconds:0} ms, {elapsed.TotalSeconds:0.0} s");
        foreach (var run in runs) output.WriteLine($"{run.Label}: " + string.Join(", ", run.Timings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:0} ms")));
        var failures = runs.SelectMany(r => r.Failures).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(slowest.Elapsed < TimeSpan.FromSeconds(1), $"[{slowest.Payload}] took {slowest.Elapsed.TotalMilliseconds:0} ms");
    }
}
