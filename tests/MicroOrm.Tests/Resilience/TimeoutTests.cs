using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// A command timeout or a cancelled token stops the query on the server, leaves the connection usable (the same
/// session runs the next query), and a transaction in progress is rolled back.
/// </summary>
public sealed class TimeoutTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_command_timeout_stops_the_query_with_a_clear_error_and_the_same_session_runs_the_next()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, CommandTimeout = TimeSpan.FromSeconds(1), MaximumPoolSize = 1 });
        var session = await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteScalarAsync<long>($"SELECT SLEEP(10)", Ct));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.StartsWith("The command did not finish within the command timeout (CommandTimeout) and was cancelled, while running: SELECT SLEEP(10)", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ServerErrorCode);
        Assert.Equal(session, await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct));
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(10)'", Ct));
    }

    [Fact]
    public async Task SLEEP_5_cancelled_at_half_a_second_throws_within_2_s_and_the_same_connection_runs_the_next_query()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, MaximumPoolSize = 1 });
        var session = await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", cancel.Token));
        var took = clock.Elapsed;

        Assert.InRange(took, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
        TestContext.Current.SendDiagnosticMessage($"SLEEP(5) cancelled at 0.5 s threw after {took.TotalMilliseconds:0} ms");
        Assert.Equal(session, await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct));
    }

    [Fact]
    public async Task A_timeout_inside_a_unit_of_work_rolls_the_whole_unit_back()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, CommandTimeout = TimeSpan.FromSeconds(1) });
        var name = "timeout-" + Guid.NewGuid().ToString("N")[..8];

        await Assert.ThrowsAsync<MicroOrmException>(() => db.RunInTransactionAsync(async (tx, ct) =>
        {
            await db.Counters.InsertAsync(new Counter(name), ct);
            await db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", ct);
        }, cancellationToken: Ct));

        Assert.Equal(0L, await db.Counters.CountAsync(c => c.Name == name, Ct));
        Assert.Null(db.CurrentTransaction);
    }

    [Fact]
    public async Task A_cancelled_unit_of_work_is_rolled_back_and_not_retried()
    {
        await using var db = database.Connect();
        var name = "cancelled-" + Guid.NewGuid().ToString("N")[..8];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            await db.Counters.InsertAsync(new Counter(name), ct);
            await db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", ct);
        }, cancellationToken: cancel.Token));

        Assert.Equal(1, attempts);
        Assert.Equal(0L, await db.Counters.CountAsync(c => c.Name == name, Ct));
    }
}
