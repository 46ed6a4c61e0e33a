using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// orders so that InnoDB keeps choosing deadlock victims. Each transfer is a unit of work that also writes a ledger row
/// under its own transfer id: it commits whole, once, or, after its last attempt, fails whole. So the ledger holds
/// exactly the transfers reported committed, each once, and every balance is its opening plus its ledger entries (a
/// transfer applied twice, or half applied, shows in one or the other).
/// </summary>
[Collection(StressCollection.Name)]
public sealed class DeadlockStormTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int Accounts = 4;
    private const int MaxAttempts = 8;
    private const long Opening = 1_000_000;

    /// <summary>Far below what any machine this runs on commits in 30 s (see the README for the measured figure).</summary>
    private const int AtLeastCommitted = 1_000;

    [Fact]
    public async Task Every_unit_commits_once_or_fails_whole_and_the_ledger_accounts_for_every_balance()
    {
        var ct = TestContext.Current.CancellationToken;
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        var options = new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            Retry = { MaxAttempts = MaxAttempts, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        await using var db = TestDb.Connect(options);
        await db.ExecuteAsync($"CREATE TABLE IF NOT EXISTS transfer_ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, transfer_id CHAR(32) NOT NULL, from_account INT NOT NULL, to_account INT NOT NULL, amount BIGINT NOT NULL, KEY (transfer_id))", ct);
        var owner = Guid.NewGuid().ToString("N")[..8];
        var accounts = Enumerable.Range(0, Accounts).Select(_ => new Account { Owner = owner, Balance = Opening }).ToList();
        await db.Accounts.InsertManyAsync(accounts, ct);
        var ids = accounts.Select(a => a.Id).ToArray();

        var committed = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<(string Transfer, MicroOrmException Error)>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (until.Elapsed < TimeSpan.FromSeconds(30))
            {
                var from = ids[random.Next(Accounts)];
                var to = ids[(Array.IndexOf(ids, from) + 1 + random.Next(Accounts - 1)) % Accounts];
                var amount = random.Next(1, 100);
                var transfer = Guid.NewGuid().ToString("N");
                try
                {
                    await db.RunInTransactionAsync(async (tx, c) =>
                    {
                        await db.Accounts.Where(a => a.Id == from).UpdateAsync(u => u.Increment(a => a.Balance, -amount), c);
                        await tx.ExecuteScalarAsync<long>($"SELECT SLEEP(0.001)", c);
                        await db.Accounts.Where(a => a.Id == to).UpdateAsync(u => u.Increment(a => a.Balance, amount), c);
                        await tx.ExecuteAsync($"INSERT INTO transfer_ledger (transfer_id, from_account, to_account, amount) VALUES ({transfer}, {from}, {to}, {amount})", c);
                    }, cancellationToken: ct);
                    committed.Add(transfer);
                }
                catch (MicroOrmException exception)
                {
                    failures.Add((transfer, exception));
                }
            }
        }, ct)));

        var ledger = (await db.QueryAsync<string, long>($"SELECT transfer_id, COUNT(*) FROM transfer_ledger GROUP BY transfer_id", ct)).ToDictionary(r => r.Item1, r => r.Item2);
        var unexplained = await db.QueryAsync<int, long>(
            $"SELECT a.id, CAST(a.balance - {Opening} - COALESCE((SELECT SUM(amount) FROM transfer_ledger WHERE to_account = a.id), 0) + COALESCE((SELECT SUM(amount) FROM transfer_ledger WHERE from_account = a.id), 0) AS SIGNED) FROM accounts a WHERE a.owner = {owner}", ct);
        var retries = telemetry.Of(MicroOrmTelemetry.Retries).Sum(m => m.Value);
        var summary = $"{committed.Count} committed, {failures.Count} failed after their last attempt, {retries} retries";

        Assert.Equal(Accounts, unexplained.Count);
        Assert.All(unexplained, account => Assert.True(account.Item2 == 0, $"account {account.Item1} is {account.Item2} off what its ledger entries explain; {summary}"));
        Assert.True(ledger.Count == committed.Count && ledger.Values.Sum() == committed.Count, $"the ledger holds {ledger.Values.Sum()} rows for {ledger.Count} transfers; {summary}");
        Assert.All(committed, transfer => Assert.True(ledger.GetValueOrDefault(transfer) == 1, $"committed transfer {transfer} has {ledger.GetValueOrDefault(transfer)} ledger rows; {summary}"));
        Assert.All(failures, failure => Assert.False(ledger.ContainsKey(failure.Transfer), $"failed transfer {failure.Transfer} is in the ledger; {summary}"));
        Assert.True(committed.Count >= AtLeastCommitted, summary);
        Assert.True(retries > 0, "no deadlock happened, so the storm proved nothing: " + summary);
        Assert.All(failures, failure =>
        {
            Assert.Contains(failure.Error.ServerErrorCode, new int?[] { 1213, 1205 });
            Assert.Equal(MaxAttempts, failure.Error.Data["MicroOrm.Attempts"]);
        });
        TestContext.Current.SendDiagnosticMessage(summary);
    }
}
