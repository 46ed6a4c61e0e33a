using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// Sixteen workers move money between four accounts for 30 seconds, locking the two rows of each transfer in opposite
/// orders so that InnoDB keeps choosing deadlock victims. Each transfer is a unit of work: it commits whole, or, after
/// its last attempt, fails whole; the total of the balances never changes.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class DeadlockStormTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int Accounts = 4;
    private const long Opening = 1_000_000;

    [Fact]
    public async Task Every_unit_commits_or_fails_whole_and_the_total_holds_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        var options = new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            Retry = { MaxAttempts = 8, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        await using var db = TestDb.Connect(options);
        var owner = Guid.NewGuid().ToString("N")[..8];
        var accounts = Enumerable.Range(0, Accounts).Select(_ => new Account { Owner = owner, Balance = Opening }).ToList();
        await db.Accounts.InsertManyAsync(accounts, ct);
        var ids = accounts.Select(a => a.Id).ToArray();

        var committed = 0;
        var failures = new ConcurrentBag<Exception>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (until.Elapsed < TimeSpan.FromSeconds(30))
            {
                var from = ids[random.Next(Accounts)];
                var to = ids[(Array.IndexOf(ids, from) + 1 + random.Next(Accounts - 1)) % Accounts];
                var amount = random.Next(1, 100);
                try
                {
                    await db.RunInTransactionAsync(async (tx, c) =>
                    {
                        await db.Accounts.Where(a => a.Id == from).UpdateAsync(u => u.Increment(a => a.Balance, -amount), c);
                        await tx.ExecuteScalarAsync<long>($"SELECT SLEEP(0.001)", c);
                        await db.Accounts.Where(a => a.Id == to).UpdateAsync(u => u.Increment(a => a.Balance, amount), c);
                    }, cancellationToken: ct);
                    Interlocked.Increment(ref committed);
                }
                catch (MicroOrmException exception)
                {
                    failures.Add(exception);
                }
            }
        }, ct)));

        var total = await db.ExecuteScalarAsync<decimal>($"SELECT SUM(balance) FROM accounts WHERE owner = {owner}", ct);
        var retries = telemetry.Of(MicroOrmTelemetry.Retries).Sum(m => m.Value);
        var summary = $"{committed} committed, {failures.Count} failed after their last attempt, {retries} retries";

        Assert.Equal(Accounts * Opening, (long)total);
        Assert.True(committed > 100, summary);
        Assert.True(retries > 0, "no deadlock happened, so the storm proved nothing: " + summary);
        Assert.All(failures, failure =>
        {
            Assert.Contains(((MicroOrmException)failure).ServerErrorCode, new int?[] { 1213, 1205 });
            Assert.True(failure.Data["MicroOrm.Attempts"] is int attempts && attempts >= 1, summary);
        });
        TestContext.Current.SendDiagnosticMessage(summary);
    }
}
