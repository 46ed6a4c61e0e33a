using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// MaxTotalTime ends the retrying of a unit that keeps failing long before MaxAttempts does: with waits of 50 to 200 ms
/// and one second allowed, the unit gives up after a handful of attempts, between 0.8 s (it stops when the next wait
/// would cross the second, and no wait is over 200 ms) and a little over 1 s.
/// </summary>
public sealed class RetryBudgetTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Fact]
    public async Task MaxTotalTime_makes_a_unit_that_keeps_deadlocking_give_up_within_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            Retry = { MaxAttempts = 1000, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200), MaxTotalTime = TimeSpan.FromSeconds(1) },
        });
        var attempts = 0;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.RunInTransactionAsync(async (tx, c) =>
        {
            attempts++;
            await tx.ExecuteAsync($"BEGIN NOT ATOMIC SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock'; END", c);
        }, cancellationToken: ct));
        var took = clock.Elapsed;

        Assert.Equal(1213, error.ServerErrorCode);
        Assert.Equal(attempts, error.Data["MicroOrm.Attempts"]);
        // Waits of 50-100 ms, then 100-200 ms each: at least five fit in the second before the stop, at most eleven.
        Assert.InRange(attempts, 5, 11);
        Assert.InRange(took, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.5));
        TestContext.Current.SendDiagnosticMessage($"gave up after {attempts} attempts and {took.TotalMilliseconds:0} ms");
    }
}
