using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Execution;

/// <summary>A cancelled token stops the query on the server, and the connection (or pool) keeps working.</summary>
public sealed class CancellationTests(ReferenceDbFixture database) : IClassFixture<ReferenceDbFixture>
{
    [Fact]
    public async Task A_token_cancelled_before_the_call_throws_with_that_token_and_sends_nothing()
    {
        // No server listens on port 1: anything sent would fail with a connection error instead.
        await using var db = AppDb.Connect("Server=127.0.0.1;Port=1;Connection Timeout=2");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.States.ToListAsync(cancelled.Token));
        Assert.Equal(cancelled.Token, error.CancellationToken);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.States.InsertAsync(new State { Name = "x" }, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ExecuteScalarAsync<long>($"SELECT 1", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await db.BeginTransactionAsync(cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task Cancelling_SLEEP_5_at_half_a_second_returns_promptly_and_the_pool_runs_the_next_query()
    {
        await using var db = database.Connect();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>($"SELECT 1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancelling_a_blocked_update_kills_it_on_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var state = new State { Name = "Locked" };
        await db.States.InsertAsync(state, ct);

        // Another session holds the row's lock, so the update waits for it.
        await using var holder = new MySqlConnection(database.ConnectionString);
        await holder.OpenAsync(ct);
        await using var lockTransaction = await holder.BeginTransactionAsync(ct);
        await using (var lockRow = new MySqlCommand($"SELECT id FROM states WHERE id = {state.Id} FOR UPDATE", holder, lockTransaction)) await lockRow.ExecuteScalarAsync(ct);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.States.Where(s => s.Id == state.Id).UpdateAsync(u => u.Set(s => s.Name, "never"), cancel.Token));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));

        var stillRunning = await database.ScalarAsync("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE `states`%'");
        Assert.Equal(0L, stillRunning);
        await lockTransaction.RollbackAsync(ct);
        Assert.Equal("Locked", (await db.States.FindAsync(state.Id, ct))!.Name);
    }

    [Fact]
    public async Task Cancelling_inside_a_transaction_leaves_the_transaction_usable_for_rollback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken: ct);
        await db.States.InsertAsync(new State { Name = "Before cancel" }, ct);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", cancel.Token));

        Assert.True(await db.States.AnyAsync(s => s.Name == "Before cancel", ct));
        await transaction.RollbackAsync(ct);
        Assert.False(await db.States.AnyAsync(s => s.Name == "Before cancel", ct));
    }
}
