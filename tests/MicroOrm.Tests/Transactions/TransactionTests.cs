using System;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Transactions;

/// <summary>Commit, rollback, dispose, nested savepoints, isolation, and work routed to the transaction's connection.</summary>
public sealed class TransactionTests(ReferenceDbFixture database) : IClassFixture<ReferenceDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Work_inside_a_transaction_runs_on_its_connection_and_is_invisible_outside_until_commit()
    {
        await using var db = database.Connect();
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken: Ct))
        {
            var state = new State { Name = "Uncommitted" };
            await db.States.InsertAsync(state, Ct);

            Assert.Same(transaction, db.CurrentTransaction);
            Assert.True(await db.States.AnyAsync(s => s.Name == "Uncommitted", Ct));
            Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM states WHERE name = 'Uncommitted'"));

            await transaction.CommitAsync(Ct);
        }

        Assert.Null(db.CurrentTransaction);
        Assert.Equal(1L, await database.ScalarAsync("SELECT COUNT(*) FROM states WHERE name = 'Uncommitted'"));
    }

    [Fact]
    public async Task Disposing_without_commit_rolls_back()
    {
        await using var db = database.Connect();
        await using (await db.BeginTransactionAsync(cancellationToken: Ct))
        {
            await db.States.InsertAsync(new State { Name = "Disposed" }, Ct);
        }

        Assert.False(await db.States.AnyAsync(s => s.Name == "Disposed", Ct));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_every_table_row_for_row_as_before()
    {
        await using var db = database.Connect();
        var california = new State { Name = "California-rb" };
        await db.States.InsertAsync(california, Ct);
        await db.Cities.InsertAsync(new City { Name = "Fresno", StateId = california.Id }, Ct);
        await db.Users.InsertAsync(new User { Name = "Grace", Email = "grace-rb@example.com" }, Ct);
        var before = await database.SnapshotAsync();

        await using (var transaction = await db.BeginTransactionAsync(cancellationToken: Ct))
        {
            await db.States.InsertManyAsync([new State { Name = "Tmp1" }, new State { Name = "Tmp2" }], Ct);
            await db.States.Where(s => s.Id == california.Id).UpdateAsync(u => u.Set(s => s.Name, "Renamed"), Ct);
            await db.Cities.Where(c => c.StateId == california.Id).DeleteAsync(Ct);
            var user = await db.Users.FirstAsync(u => u.Email == "grace-rb@example.com", Ct);
            user.Name = "Changed";
            await db.Users.UpdateAsync(user, Ct);
            await db.ExecuteAsync($"INSERT INTO users (name, email, created_at, updated_at) VALUES ({"Raw"}, {"raw-rb@example.com"}, NOW(6), NOW(6))", Ct);
            Assert.Equal(2, await db.States.CountAsync(s => s.Name.StartsWith("Tmp"), Ct));
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_failed_statement_names_the_problem_and_the_rollback_leaves_nothing_half_written()
    {
        await using var db = database.Connect();
        await db.Users.InsertAsync(new User { Name = "Taken", Email = "taken@example.com" }, Ct);
        var before = await database.SnapshotAsync();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.RunInTransactionAsync(async (_, ct) =>
        {
            await db.Users.InsertAsync(new User { Name = "First", Email = "first-half@example.com" }, ct);
            await db.Users.InsertAsync(new User { Name = "Second", Email = "taken@example.com" }, ct);
        }, cancellationToken: Ct));

        Assert.Equal((1062, "users", "email"), (error.ServerErrorCode, error.Table, error.Column));
        Assert.Equal(before, await database.SnapshotAsync());
        Assert.Null(db.CurrentTransaction);
    }

    [Fact]
    public async Task RunInTransaction_commits_what_the_work_returns()
    {
        await using var db = database.Connect();
        var id = await db.RunInTransactionAsync(async (transaction, ct) =>
        {
            var state = new State { Name = "Committed by RunInTransaction" };
            await db.States.InsertAsync(state, ct);
            return state.Id;
        }, cancellationToken: Ct);

        Assert.Equal("Committed by RunInTransaction", (await db.States.FindAsync(id, Ct))!.Name);
    }

    [Fact]
    public async Task A_nested_scope_rolls_back_to_its_savepoint_only()
    {
        await using var db = database.Connect();
        await using (var outer = await db.BeginTransactionAsync(cancellationToken: Ct))
        {
            await db.States.InsertAsync(new State { Name = "Outer A" }, Ct);
            await using (var inner = await db.BeginTransactionAsync(cancellationToken: Ct))
            {
                Assert.Equal(1, inner.Depth);
                Assert.Same(outer, inner.Parent);
                await db.States.InsertAsync(new State { Name = "Inner B" }, Ct);
                await inner.RollbackAsync(Ct);
            }

            Assert.Same(outer, db.CurrentTransaction);
            await using (var kept = await db.BeginTransactionAsync(cancellationToken: Ct))
            {
                await db.States.InsertAsync(new State { Name = "Inner C" }, Ct);
                await kept.CommitAsync(Ct);
            }

            await outer.CommitAsync(Ct);
        }

        var names = await db.States.Where(s => s.Name.In("Outer A", "Inner B", "Inner C")).Select(s => s.Name).ToListAsync(Ct);
        Assert.Equal(["Inner C", "Outer A"], names.Order());
    }

    [Fact]
    public async Task Rolling_back_the_outer_transaction_undoes_a_committed_nested_scope()
    {
        await using var db = database.Connect();
        await using (var outer = await db.BeginTransactionAsync(cancellationToken: Ct))
        {
            await using (var inner = await db.BeginTransactionAsync(cancellationToken: Ct))
            {
                await db.States.InsertAsync(new State { Name = "Nested then undone" }, Ct);
                await inner.CommitAsync(Ct);
            }

            await outer.RollbackAsync(Ct);
        }

        Assert.False(await db.States.AnyAsync(s => s.Name == "Nested then undone", Ct));
    }

    [Fact]
    public async Task The_isolation_level_reaches_the_server()
    {
        await using var db = database.Connect();
        var state = new State { Name = "Isolated" };
        await db.States.InsertAsync(state, Ct);

        await using var transaction = await db.BeginTransactionAsync(IsolationLevel.Serializable, Ct);
        await db.States.FindAsync(state.Id, Ct); // SERIALIZABLE turns this read into a shared lock.

        await using var other = new MySqlConnection(database.ConnectionString);
        await other.OpenAsync(Ct);
        await using (var timeout = new MySqlCommand("SET SESSION innodb_lock_wait_timeout = 1", other)) await timeout.ExecuteNonQueryAsync(Ct);
        await using var update = new MySqlCommand($"UPDATE states SET name = 'blocked' WHERE id = {state.Id}", other);
        var blocked = await Assert.ThrowsAsync<MySqlException>(() => update.ExecuteNonQueryAsync(Ct));
        Assert.Equal(1205, blocked.Number);
    }

    [Fact]
    public async Task Two_commands_at_once_on_one_transaction_fail_fast_and_the_transaction_still_works()
    {
        await using var db = database.Connect();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);

        var first = db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.3)", Ct);
        var second = Assert.ThrowsAsync<InvalidOperationException>(() => db.States.CountAsync(Ct));
        var error = await second;
        await first;

        Assert.Contains("one command at a time", error.Message, StringComparison.Ordinal);
        Assert.True(await db.States.CountAsync(Ct) >= 0);
        await transaction.CommitAsync(Ct);
    }

    [Fact]
    public async Task A_transaction_cannot_be_used_after_it_ended()
    {
        await using var db = database.Connect();
        var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
        await transaction.CommitAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.CommitAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.ExecuteScalarAsync<long>($"SELECT 1", Ct));
        Assert.Null(db.CurrentTransaction);
        await transaction.DisposeAsync();
    }

    [Fact]
    public async Task Raw_sql_on_the_transaction_runs_inside_it()
    {
        await using var db = database.Connect();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
        await transaction.ExecuteAsync($"INSERT INTO states (name, created_at, updated_at) VALUES ({"Raw in tx"}, NOW(6), NOW(6))", Ct);

        Assert.Equal(1L, await transaction.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM states WHERE name = {"Raw in tx"}", Ct));
        Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM states WHERE name = 'Raw in tx'"));
        await transaction.RollbackAsync(Ct);
    }
}
