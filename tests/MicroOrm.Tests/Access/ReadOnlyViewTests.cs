using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Access;

/// <summary>
/// The read-only view reads like the database (its writes are compile errors, proved in the generator tests); its
/// transactions run READ ONLY on the server; and over a SELECT-only user it reads while the server refuses writes.
/// </summary>
public sealed class ReadOnlyViewTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_view_reads_what_the_database_reads()
    {
        await using var db = database.Connect();
        var run = Guid.NewGuid().ToString("N");
        await db.Notes.InsertManyAsync([new Note { Text = "a", Run = run }, new Note { Text = "b", Run = run }, new Note { Text = "c", Run = run }], Ct);
        var view = db.AsReadOnly();

        var texts = await view.Notes.Where(n => n.Run == run).OrderByDescending(n => n.Id).Take(2).Select(n => n.Text).ToListAsync(Ct);
        var first = await view.Notes.FirstAsync(n => n.Run == run, Ct);
        var found = await view.Notes.FindAsync(first.Id, Ct);
        var count = await view.Notes.CountAsync(n => n.Run == run, Ct);
        var raw = await view.QueryValuesAsync<string>($"SELECT text FROM notes WHERE run = {run} ORDER BY id", Ct);

        Assert.Equal(["c", "b"], texts);
        Assert.Equal(("a", 3L), (found!.Text, count));
        Assert.Equal(["a", "b", "c"], raw);
        Assert.Same(view, db.AsReadOnly());
    }

    [Fact]
    public async Task A_view_transaction_is_read_only_on_the_server()
    {
        await using var db = database.Connect();
        var view = db.AsReadOnly();

        await using (var transaction = await view.BeginTransactionAsync(cancellationToken: Ct))
        {
            Assert.True(transaction.IsActive);
            Assert.True(await view.Notes.CountAsync(Ct) >= 0);

            // A write reaching the same transaction by another road is refused by the server.
            var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync($"INSERT INTO notes (text, run) VALUES ('x', 'read-only')", Ct));

            Assert.Equal(1792, error.ServerErrorCode);
            Assert.StartsWith("The statement writes, but it ran in a READ ONLY transaction", error.Message, StringComparison.Ordinal);
        }

        Assert.Null(db.CurrentTransaction);
        Assert.Equal(0L, await db.Notes.CountAsync(n => n.Run == "read-only", Ct));
    }

    [Fact]
    public async Task A_view_unit_of_work_runs_in_a_read_only_transaction()
    {
        await using var db = database.Connect();
        var view = db.AsReadOnly();

        var failure = await Assert.ThrowsAsync<MicroOrmException>(() => view.RunInTransactionAsync<int>(async (_, ct) =>
        {
            await view.Notes.AnyAsync(ct);
            return await db.ExecuteAsync($"DELETE FROM notes WHERE run = 'none'", ct);
        }, cancellationToken: Ct));

        Assert.Equal(1792, failure.ServerErrorCode);
        Assert.Null(db.CurrentTransaction);
    }

    [Fact]
    public async Task Over_a_SELECT_only_user_the_view_reads_and_the_server_refuses_writes_by_any_road()
    {
        await using var owner = database.Connect();
        var run = Guid.NewGuid().ToString("N");
        await owner.Notes.InsertAsync(new Note { Text = "kept", Run = run }, Ct);
        await using var reader = await ReadOnlyUser.CreateAsync(database.Server, database.DatabaseName, Ct);
        await using var db = TestDb.Connect(reader.ConnectionString);

        Assert.Equal("kept", (await db.AsReadOnly().Notes.SingleAsync(n => n.Run == run, Ct)).Text);
        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.Where(n => n.Run == run).DeleteAsync(Ct));

        Assert.Equal((1142, "notes"), (error.ServerErrorCode, error.Table));
        Assert.StartsWith($"The database user may not run this: DELETE command denied to user '{reader.Name}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await owner.Notes.CountAsync(n => n.Run == run, Ct));
    }
}
