using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// A network that stops carrying bytes mid-query (the proxy stalls both ways). At the command timeout (1 s) MicroOrm
/// asks for a KILL QUERY, which cannot get through the stalled network either; MySqlConnector's own timeout, set 5 s
/// later as the backstop, then closes the socket (MicroOrm sets Cancellation Timeout=-1, whatever the connection string
/// says: no second cancel from MySqlConnector's timer). So the caller gets the timeout error no sooner than 1 + 5 s and
/// no later than that plus slack for a loaded machine, and once traffic flows again the same database object works.
/// </summary>
public sealed class StallTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_stalled_connection_fails_the_command_with_the_timeout_error_once_the_backstop_ends_it_and_the_database_recovers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = FaultProxy.Start(database.ConnectionString);
        await using var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = proxy.ConnectionString(database.ConnectionString) + ";Cancellation Timeout=2", // overridden: see above
            CommandTimeout = CommandTimeout,
            ConnectionTimeout = TimeSpan.FromSeconds(2),
        });
        await db.Counters.CountAsync(ct);

        var clock = Stopwatch.StartNew();
        var query = db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.5)", ct);
        await Task.Delay(100, ct);
        proxy.Stall();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => query);
        var took = clock.Elapsed;
        proxy.Resume();
        proxy.DropAll();

        var timeout = Assert.IsType<MicroOrmException>(error);
        Assert.StartsWith("The command did not finish within the command timeout (CommandTimeout) and was cancelled, while running: SELECT SLEEP(0.5)", timeout.Message, StringComparison.Ordinal);
        var earliest = CommandTimeout + Backstop - TimeSpan.FromMilliseconds(100);
        var latest = CommandTimeout + Backstop + TimeSpan.FromSeconds(2);
        Assert.True(took >= earliest && took <= latest, $"the stalled command ended after {took.TotalSeconds:0.00} s, outside {earliest.TotalSeconds:0.0}-{latest.TotalSeconds:0.0} s: {error.Message}");
        Assert.Equal(0L, await db.Counters.CountAsync(c => c.Name == "none", ct));
        TestContext.Current.SendDiagnosticMessage($"the stalled command ended after {took.TotalMilliseconds:0} ms");
    }
}
