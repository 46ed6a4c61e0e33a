using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// Each failure a unit of work is run again for, produced for real against the server where loopback allows it: a
/// deadlock between two sessions (1213), a lock held past a one-second innodb_lock_wait_timeout (1205), the unit's
/// session KILLed before COMMIT (2013) or dropped by the proxy (2006 or 2013), a [ConcurrencyToken] conflict. An XA
/// deadlock rollback (1614) cannot be provoked on one server without XA between engines, so the server raises it with
/// SIGNAL. Every test counts the attempts the delegate saw and the retries the telemetry recorded.
/// </summary>
public sealed class RetryTransientTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deadlock_victim_is_run_again_and_its_second_attempt_commits()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect();
        var (x, y) = await TwoAccountsAsync(db);
        await using var other = await OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync(Ct);
        // Fifty rows make the other transaction heavier than the unit, so InnoDB rolls the unit back, not it.
        var rows = string.Join(", ", Enumerable.Range(0, 50).Select(i => $"('deadlock-weight', {i}, 0)"));
        await RawAsync(other, otherTransaction, $"INSERT INTO trial_rows (trial, step, is_marker) VALUES {rows}");
        await RawAsync(other, otherTransaction, $"UPDATE accounts SET balance = balance + 1 WHERE id = {y}");

        var attempts = 0;
        var waiting = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var unit = db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            await db.Accounts.Where(a => a.Id == x).UpdateAsync(u => u.Increment(a => a.Balance, 10), ct);
            if (attempts == 1) waiting.SetResult(await tx.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", ct));
            await db.Accounts.Where(a => a.Id == y).UpdateAsync(u => u.Increment(a => a.Balance, -10), ct);
        }, cancellationToken: Ct);

        await WaitForLockWaitAsync(await waiting.Task);
        // The unit holds x and waits for y; asking for x closes the cycle.
        await RawAsync(other, otherTransaction, $"UPDATE accounts SET balance = balance + 1 WHERE id = {x}");
        await otherTransaction.CommitAsync(Ct);
        await unit;

        Assert.Equal(2, attempts);
        Assert.Equal(["1213"], RetriedFor(telemetry));
        Assert.Equal((11L, -9L), (await BalanceAsync(db, x), await BalanceAsync(db, y)));
    }

    [Fact]
    public async Task A_lock_wait_timeout_is_run_again_and_its_second_attempt_commits()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect();
        var (x, _) = await TwoAccountsAsync(db);
        await using var other = await OpenAsync();
        var otherTransaction = await other.BeginTransactionAsync(Ct);
        await RawAsync(other, otherTransaction, $"UPDATE accounts SET balance = balance + 1 WHERE id = {x}");

        var attempts = 0;
        var secondAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var unit = db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            // One second for the first attempt, so the lock held elsewhere times it out; time enough for the second.
            await tx.ExecuteAsync($"SET SESSION innodb_lock_wait_timeout = {(attempts == 1 ? 1 : 20)}", ct);
            if (attempts == 2) secondAttempt.SetResult();
            await db.Accounts.Where(a => a.Id == x).UpdateAsync(u => u.Increment(a => a.Balance, 10), ct);
        }, cancellationToken: Ct);

        await secondAttempt.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await otherTransaction.RollbackAsync(Ct);
        await otherTransaction.DisposeAsync();
        await unit;

        Assert.Equal(2, attempts);
        Assert.Equal(["1205"], RetriedFor(telemetry));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"the first attempt ended after {clock.Elapsed.TotalSeconds:0.00} s, before its lock wait could time out");
        Assert.Equal(10L, await BalanceAsync(db, x));
    }

    [Fact]
    public async Task An_XA_deadlock_rollback_raised_by_the_server_is_run_again()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect();
        var name = Unique("xa");
        var attempts = 0;

        await db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            await db.TrialRows.InsertAsync(new TrialRow { Trial = name }, ct);
            if (attempts == 1) await tx.ExecuteAsync($"BEGIN NOT ATOMIC SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1614, MESSAGE_TEXT = 'Transaction branch was rolled back: deadlock was detected'; END", ct);
        }, cancellationToken: Ct);

        Assert.Equal(2, attempts);
        Assert.Equal(["1614"], RetriedFor(telemetry));
        Assert.Equal(1L, await db.TrialRows.CountAsync(r => r.Trial == name, Ct));
    }

    [Fact]
    public async Task A_session_killed_before_COMMIT_is_run_again_on_a_new_connection()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect();
        await using var killer = await OpenAsync();
        var name = Unique("kill");
        var attempts = 0;
        var sessions = new long[2];

        await db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            sessions[attempts - 1] = await tx.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", ct);
            await db.TrialRows.InsertAsync(new TrialRow { Trial = name }, ct);
            if (attempts == 1) await RawAsync(killer, null, $"KILL {sessions[0]}");
            // The statement after the kill finds the session gone, before COMMIT is sent.
            await tx.ExecuteScalarAsync<long>($"SELECT 1", ct);
        }, cancellationToken: Ct);

        Assert.Equal(2, attempts);
        Assert.NotEqual(sessions[0], sessions[1]);
        Assert.Equal(["2013"], RetriedFor(telemetry));
        Assert.Equal(1L, await db.TrialRows.CountAsync(r => r.Trial == name, Ct));
    }

    [Fact]
    public async Task A_connection_the_network_drops_before_COMMIT_is_run_again()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var proxy = FaultProxy.Start(database.ConnectionString);
        await using var db = TestDb.Connect(Options(proxy.ConnectionString(database.ConnectionString)));
        var name = Unique("drop");
        var attempts = 0;

        await db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            await db.TrialRows.InsertAsync(new TrialRow { Trial = name }, ct);
            if (attempts == 1) proxy.DropAll();
            await tx.ExecuteScalarAsync<long>($"SELECT 1", ct);
        }, cancellationToken: Ct);

        Assert.Equal(2, attempts);
        var code = Assert.Single(RetriedFor(telemetry));
        Assert.Contains(code, new[] { "2006", "2013" });
        Assert.Equal(1L, await db.TrialRows.CountAsync(r => r.Trial == name, Ct));
        TestContext.Current.SendDiagnosticMessage("a dropped connection was retried for error " + code);
    }

    [Fact]
    public async Task A_concurrency_conflict_is_run_again_on_fresh_data()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect();
        var tally = new Tally { Name = Unique("tally") };
        await db.Tallies.InsertAsync(tally, Ct);
        var attempts = 0;

        await db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            var mine = (await db.Tallies.FindAsync(tally.Id, ct))!;
            // Another writer moves the version on between this unit's read and its write, once.
            if (attempts == 1) await RawAsync(await OpenAsync(), null, $"UPDATE tallies SET total = total + 100, version = version + 1 WHERE id = {tally.Id}", dispose: true);
            mine.Total += 1;
            await db.Tallies.UpdateAsync(mine, ct);
        }, cancellationToken: Ct);

        Assert.Equal(2, attempts);
        Assert.Equal([typeof(ConcurrencyException).FullName!], RetriedFor(telemetry));
        var stored = (await db.Tallies.FindAsync(tally.Id, Ct))!;
        Assert.Equal((101L, 2), (stored.Total, stored.Version));
    }

    private TestDb Connect() => TestDb.Connect(Options(database.ConnectionString));

    private static MicroOrmOptions Options(string connectionString) => new()
    {
        ConnectionString = connectionString,
        Retry = { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
    };

    /// <summary>The error.type of every retry the telemetry recorded, in order.</summary>
    private static string[] RetriedFor(TelemetryRecorder telemetry) =>
        telemetry.Of(MicroOrmTelemetry.Retries).Select(m => (string)m.Tags["error.type"]!).ToArray();

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<(int X, int Y)> TwoAccountsAsync(TestDb db)
    {
        var owner = Unique("retry");
        var accounts = new[] { new Account { Owner = owner }, new Account { Owner = owner } };
        await db.Accounts.InsertManyAsync(accounts, Ct);
        return (accounts[0].Id, accounts[1].Id);
    }

    private static async Task<long> BalanceAsync(TestDb db, int id) => (await db.Accounts.FindAsync(id, Ct))!.Balance;

    private async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task RawAsync(MySqlConnection connection, MySqlTransaction? transaction, string sql, bool dispose = false)
    {
        try
        {
            await using var command = new MySqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(Ct);
        }
        finally
        {
            if (dispose) await connection.DisposeAsync();
        }
    }

    /// <summary>Waits until the session is blocked on a row lock, so that what happens next closes a cycle.</summary>
    private async Task WaitForLockWaitAsync(long session)
    {
        var clock = Stopwatch.StartNew();
        while (Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_mysql_thread_id = {session} AND trx_state = 'LOCK WAIT'")) == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the unit never waited for the other session's lock");
            await Task.Delay(20, Ct);
        }
    }
}
