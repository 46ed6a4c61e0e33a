using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// The pool under pressure and after mishaps: exhaustion fails within the connection timeout naming the pool's size;
/// no error path leaks a connection; a connection the server killed is replaced unseen; and no session state
/// (variables, time zone, temporary tables, an open transaction) survives into the next lease.
/// </summary>
public sealed class PoolTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exhausted_pool_fails_within_the_timeout_naming_its_size_and_a_released_connection_serves_a_waiting_open()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, MaximumPoolSize = 3, ConnectionTimeout = TimeSpan.FromSeconds(2) });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new CountdownEvent(3);
        var holders = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
            holding.Signal();
            await release.Task;
        })).ToArray();
        holding.Wait(Ct);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.CountAsync(Ct));
        var waited = clock.Elapsed;

        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.StartsWith("The connection pool is exhausted: all 3 connections (Maximum Pool Size) are in use and none was released within the connection timeout of 2 s.", error.Message, StringComparison.Ordinal);
        TestContext.Current.SendDiagnosticMessage($"the open on an exhausted pool failed after {waited.TotalMilliseconds:0} ms");

        var waiting = db.Counters.CountAsync(Ct);
        await Task.Delay(500, Ct);
        Assert.False(waiting.IsCompleted);
        release.SetResult();
        Assert.True(await waiting >= 0);
        await Task.WhenAll(holders);
    }

    [Fact]
    public async Task No_error_path_leaks_a_connection()
    {
        var name = "leaks-" + Guid.NewGuid().ToString("N")[..8];
        using var probe = new PoolProbe(name);
        await using var db = TestDb.Connect(PoolProbe.Named(database.ConnectionString, name));
        await db.Counters.InsertManyAsync(Enumerable.Range(0, 50).Select(i => new Counter($"{name}-{i}")), Ct);

        // A reader abandoned mid-stream.
        await foreach (var _ in db.Counters.AsAsyncEnumerable(Ct)) break;
        // An exception inside a transaction.
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.RunInTransactionAsync(async (tx, ct) =>
        {
            await db.Counters.InsertAsync(new Counter(name + "-in-tx"), ct);
            throw new InvalidOperationException("the work failed");
        }, cancellationToken: Ct));
        // A cancelled query.
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ExecuteScalarAsync<long>($"SELECT SLEEP(3)", cancel.Token));
        }

        // A server error, and a multi-result command dropped after its first set.
        await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.InsertAsync(new Counter($"{name}-1"), Ct));
        await using (var results = await db.QueryMultipleAsync($"SELECT 1; SELECT 2", Ct)) await results.ReadValuesAsync<long>(Ct);
        // A transaction disposed without commit, and a failed raw statement inside one.
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken: Ct))
        {
            await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync($"INSERT INTO no_such_table VALUES (1)", Ct));
        }

        Assert.Equal(0, probe.Used);
        Assert.True(probe.Idle >= 1, $"idle {probe.Idle}");
        Assert.Equal(0L, await db.Counters.CountAsync(c => c.Name == name + "-in-tx", Ct));
    }

    [Fact]
    public async Task A_connection_the_server_killed_is_replaced_without_the_caller_noticing()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, MaximumPoolSize = 1 });
        var first = await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);

        await database.ExecuteAsync($"KILL {first}");
        var second = await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);

        Assert.NotEqual(first, second);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>($"SELECT 1", Ct));
    }

    [Fact]
    public async Task No_session_state_survives_into_the_next_lease()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString + ";Allow User Variables=true", MaximumPoolSize = 1 });
        var name = "session-" + Guid.NewGuid().ToString("N")[..8];
        var session = await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);
        var defaultZone = await db.ExecuteScalarAsync<string>($"SELECT @@session.time_zone", Ct);

        // One lease: everything a careless caller can leave behind on a session, in one multi-statement command.
        await db.ExecuteAsync(
            $"SET @leftover = 42; SET time_zone = '+05:00'; SET SESSION sql_mode = 'ANSI_QUOTES'; CREATE TEMPORARY TABLE leftover_temp (id INT); START TRANSACTION; INSERT INTO counters (name, value) VALUES ({name}, 1)",
            Ct);

        var next = await db.QueryAsync<long, string>($"SELECT CONNECTION_ID(), CAST(CONCAT_WS('|', IFNULL(@leftover, 'none'), @@session.time_zone, @@session.sql_mode LIKE '%ANSI_QUOTES%') AS CHAR)", Ct);
        var tempTables = await db.QueryValuesAsync<long>($"SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'leftover_temp'", Ct);

        Assert.Equal(session, next[0].Item1);
        Assert.Equal($"none|{defaultZone}|0", next[0].Item2);
        Assert.Equal([0L], tempTables);
        Assert.Equal(0L, await db.Counters.CountAsync(c => c.Name == name, Ct));
    }
}
