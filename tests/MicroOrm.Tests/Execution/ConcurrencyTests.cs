using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Execution;

/// <summary>
/// A database object over a pool is shared between threads by design (each operation leases its own connection);
/// one over a single borrowed connection fails fast when two operations overlap, before the protocol is touched.
/// </summary>
public sealed class ConcurrencyTests(ReferenceDbFixture database) : IClassFixture<ReferenceDbFixture>
{
    [Fact]
    public async Task A_pooled_database_object_serves_many_tasks_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();

        await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            var state = new State { Name = $"parallel {i}" };
            await db.States.InsertAsync(state, ct);
            Assert.Equal(state.Name, (await db.States.FindAsync(state.Id, ct))!.Name);
            await db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.05)", ct);
        }));

        Assert.Equal(32, await db.States.CountAsync(s => s.Name.StartsWith("parallel "), ct));
    }

    [Fact]
    public async Task A_borrowed_connection_used_twice_at_once_fails_fast_and_keeps_working()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var db = AppDb.FromConnection(connection);

        var slow = db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.3)", ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.States.CountAsync(ct));
        await slow;

        Assert.Contains("one command at a time", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>($"SELECT 1", ct));
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }
}
