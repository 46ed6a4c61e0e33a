using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>Inserts, batched inserts, updates by key and by filter, deletes and upserts; each returns the rows affected.</summary>
public sealed class WriteTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Insert_fills_the_generated_key_and_the_timestamps()
    {
        await using var db = await ReferenceAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);
        var state = new State { Name = "Louisiana" };

        Assert.Equal(1, await db.States.InsertAsync(state, Ct));

        Assert.True(state.Id > 0);
        Assert.InRange(state.CreatedAt, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(state.CreatedAt, state.UpdatedAt);
        var stored = await db.States.FindAsync(state.Id, Ct);
        Assert.Equal((state.Name, state.CreatedAt), (stored!.Name, stored.CreatedAt));
    }

    [Fact]
    public async Task InsertMany_splits_under_max_allowed_packet_and_fills_every_key_in_order()
    {
        await using var db = database.Connect();
        var packet = await db.ExecuteScalarAsync<long>($"SELECT @@max_allowed_packet", Ct);
        var text = new string('x', 20_000);
        var rowCount = (int)(packet / 20_000) + 500; // more text than one packet holds, so at least two statements
        var rows = Enumerable.Range(0, rowCount).Select(i => new AllTypes { Text = $"row {i}", LongText = text, Letter = 'a' }).ToList();
        foreach (var row in rows) Fill(row);

        Assert.Equal(rowCount, await db.AllTypes.InsertManyAsync(rows, Ct));

        Assert.Equal(rowCount, rows.Select(r => r.Id).Distinct().Count());
        Assert.True(rows.Zip(rows.Skip(1)).All(pair => pair.First.Id < pair.Second.Id));
        var stored = await db.QueryAsync<int, string>($"SELECT id, text FROM all_types WHERE id IN {rows.Select(r => r.Id).ToArray()} ORDER BY id", Ct);
        Assert.Equal(rows.Select(r => (r.Id, r.Text)), stored);
    }

    [Fact]
    public async Task A_composite_key_follows_its_declared_order_not_the_property_order()
    {
        await using var db = database.Connect();
        var placement = new Placement { Shelf = 7, Slot = 3, Item = "lamp" };
        await db.Placements.InsertAsync(placement, Ct);
        await db.Placements.InsertAsync(new Placement { Shelf = 3, Slot = 7, Item = "vase" }, Ct);

        // The key tuple is (Shelf, Slot): [Key(Order = 0)] first.
        Assert.Equal("lamp", (await db.Placements.FindAsync((7, 3), Ct))!.Item);
        placement.Item = "bulb";
        Assert.Equal(1, await db.Placements.UpdateAsync(placement, Ct));
        Assert.Equal(("bulb", "vase"), ((await db.Placements.FindAsync((7, 3), Ct))!.Item, (await db.Placements.FindAsync((3, 7), Ct))!.Item));
        Assert.Equal(1, await db.Placements.DeleteAsync((3, 7), Ct));
        Assert.Equal(["bulb"], (await db.Placements.ToListAsync(Ct)).Select(p => p.Item));
    }

    [Fact]
    public async Task InsertMany_of_nothing_sends_nothing() =>
        Assert.Equal(0, await database.Connect().Products.InsertManyAsync([], Ct));

    [Fact]
    public async Task Update_by_entity_writes_every_column_but_the_key_and_CreatedAt()
    {
        await using var db = await ReferenceAsync();
        var state = new State { Name = "Nevada" };
        await db.States.InsertAsync(state, Ct);
        var created = state.CreatedAt;
        await Task.Delay(10, Ct);

        state.Name = "Nevada!";
        state.CreatedAt = DateTime.UnixEpoch;
        Assert.Equal(1, await db.States.UpdateAsync(state, Ct));

        var stored = await db.States.FindAsync(state.Id, Ct);
        Assert.Equal("Nevada!", stored!.Name);
        Assert.Equal(created, stored.CreatedAt);
        Assert.True(stored.UpdatedAt > created);
        Assert.Equal(0, await db.States.UpdateAsync(new State { Id = -5, Name = "missing" }, Ct));
    }

    [Fact]
    public async Task Update_by_filter_sets_values_copies_columns_increments_and_stamps_UpdatedAt()
    {
        await using var db = database.Connect();
        var products = Enumerable.Range(1, 4).Select(i => new Product { Name = $"u{i}", Stock = i, ReorderLevel = 10 * i, Price = i }).ToList();
        await db.Products.InsertManyAsync(products, Ct);
        var ids = products.Select(p => p.Id).ToArray();

        var changed = await db.Products.Where(p => p.Id.In(ids) && p.Stock >= 3)
            .UpdateAsync(u => u.Set(p => p.Category, "restocked").Set(p => p.ReorderLevel, p => p.Stock).Increment(p => p.Stock, 100), Ct);

        Assert.Equal(2, changed);
        var rows = await db.Products.Where(p => p.Id.In(ids)).OrderBy(p => p.Id).ToListAsync(Ct);
        Assert.Equal([(1, 10, null), (2, 20, null), (103, 3, "restocked"), (104, 4, "restocked")], rows.Select(p => (p.Stock, p.ReorderLevel, p.Category)));
    }

    [Fact]
    public async Task Bulk_update_and_delete_without_a_filter_are_refused()
    {
        await using var db = database.Connect();

        var update = Assert.Throws<InvalidOperationException>(() => { _ = db.Products.UpdateAsync(u => u.Set(p => p.Stock, 0), Ct); });
        var delete = Assert.Throws<InvalidOperationException>(() => { _ = db.Products.DeleteAsync(Ct); });

        Assert.Contains("every row of products", update.Message, StringComparison.Ordinal);
        Assert.Contains("DeleteAllAsync", delete.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Setting_a_key_column_is_refused() =>
        Assert.Throws<ArgumentException>(() => { _ = database.Connect().Products.Where(p => p.Id == 1).UpdateAsync(u => u.Set(p => p.Id, 2), Ct); });

    [Fact]
    public async Task Delete_by_entity_by_key_and_by_filter()
    {
        await using var db = database.Connect();
        var products = Enumerable.Range(1, 5).Select(i => new Product { Name = $"d{i}", Category = "delete-me" }).ToList();
        await db.Products.InsertManyAsync(products, Ct);

        Assert.Equal(1, await db.Products.DeleteAsync(products[0], Ct));
        Assert.Equal(1, await db.Products.DeleteAsync(products[1].Id, Ct));
        Assert.Equal(0, await db.Products.DeleteAsync(products[1].Id, Ct));
        Assert.Equal(3, await db.Products.Where(p => p.Category == "delete-me").DeleteAsync(Ct));
        Assert.False(await db.Products.AnyAsync(p => p.Category == "delete-me", Ct));
    }

    [Fact]
    public async Task Upsert_inserts_then_updates_and_always_fills_the_key()
    {
        await using var db = database.Connect();
        var first = new Counter("upserted") { Value = 1 };
        Assert.Equal(1, await db.Counters.UpsertAsync(first, Ct));
        Assert.True(first.Id > 0);

        var again = new Counter("upserted") { Value = 2 };
        Assert.Equal(2, await db.Counters.UpsertAsync(again, Ct));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, (await db.Counters.FindAsync(first.Id, Ct))!.Value);
        Assert.Equal(1, await db.Counters.CountAsync(c => c.Name == "upserted", Ct));
    }

    [Fact]
    public async Task A_duplicate_key_names_the_table_the_column_and_the_error_code()
    {
        await using var db = await ReferenceAsync();
        await db.Users.InsertAsync(new User { Name = "Ada", Email = "ada@example.com" }, Ct);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Users.InsertAsync(new User { Name = "Ada 2", Email = "ada@example.com" }, Ct));

        Assert.Equal((1062, "users", "email"), (error.ServerErrorCode, error.Table, error.Column));
        Assert.DoesNotContain("ada@example.com", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parent_names_the_foreign_key_column()
    {
        await using var db = await ReferenceAsync();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Cities.InsertAsync(new City { Name = "Nowhere", StateId = 999_999 }, Ct));

        Assert.Equal((1452, "cities", "state_id"), (error.ServerErrorCode, error.Table, error.Column));
    }

    private async Task<AppDb> ReferenceAsync()
    {
        var db = AppDb.Connect(database.ConnectionString);
        await db.Schema.CreateAsync(Ct);
        return db;
    }

    private static void Fill(AllTypes row)
    {
        row.When = new DateTime(2024, 1, 1);
        row.At = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        row.Day = new DateOnly(2024, 1, 1);
    }
}
