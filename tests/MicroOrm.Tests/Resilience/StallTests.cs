using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// A network that stops carrying bytes mid-query (the proxy stalls both ways): the command still ends, with a
/// MicroOrm exception, a few seconds after its timeout, and once traffic flows again the same database object works.
/// </summary>
public sealed class StallTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Fact]
    public async Task A_stalled_connection_fails_the_command_soon_after_its_timeout_and_the_database_recovers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = FaultProxy.Start(database.ConnectionString);
        await using var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = proxy.ConnectionString(database.ConnectionString) + ";Cancellation Timeout=2",
            CommandTimeout = TimeSpan.FromSeconds(1),
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

        Assert.IsAssignableFrom<MicroOrmException>(error);
        Assert.True(took < TimeSpan.FromSeconds(12), $"the stalled command took {took.TotalSeconds:0.0} s: {error.Message}");
        Assert.Equal(0L, await db.Counters.CountAsync(c => c.Name == "none", ct));
    }
}
