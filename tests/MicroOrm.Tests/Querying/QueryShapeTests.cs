using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Querying;

/// <summary>Ordering, paging, the terminal operators, streaming, and queries as immutable, composable values.</summary>
public sealed class QueryShapeTests(CatalogFixture catalog) : IClassFixture<CatalogFixture>
{
    private static IEnumerable<Product> Seed => CatalogFixture.Seed;

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderBy_then_ThenByDescending()
    {
        await using var db = catalog.Connect();
        var rows = await db.Products.OrderBy(p => p.Color).ThenByDescending(p => p.Price).ToListAsync(Ct);
        Assert.Equal(Seed.OrderBy(p => p.Color).ThenByDescending(p => p.Price).Select(p => p.Name), rows.Select(p => p.Name));
    }

    [Fact]
    public async Task OrderByDescending_replaces_an_earlier_order()
    {
        await using var db = catalog.Connect();
        var rows = await db.Products.OrderBy(p => p.Name).OrderByDescending(p => p.Stock).ThenBy(p => p.Id).ToListAsync(Ct);
        Assert.Equal(Seed.OrderByDescending(p => p.Stock).Select(p => p.Stock), rows.Select(p => p.Stock));
    }

    [Fact]
    public async Task Skip_and_Take_page_through_the_ordered_rows()
    {
        await using var db = catalog.Connect();
        var ordered = db.Products.OrderBy(p => p.Id);
        var pages = new List<string>();
        for (var page = 0; page < 4; page++)
        {
            var rows = await ordered.Skip(page * 3).Take(3).ToListAsync(Ct);
            pages.AddRange(rows.Select(r => r.Name));
        }

        Assert.Equal(Seed.Select(p => p.Name), pages);
        Assert.Equal(Seed.Skip(8).Select(p => p.Name), (await ordered.Skip(8).ToListAsync(Ct)).Select(p => p.Name));
        Assert.Empty(await ordered.Take(0).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_sort_column_named_at_run_time_is_looked_up_among_the_generated_columns()
    {
        await using var db = catalog.Connect();
        var byProperty = await db.Products.OrderBy("Price", descending: true).ThenBy("name").ToListAsync(Ct);
        var byColumn = await db.Products.OrderBy("reorder_level").ThenBy("Id").ToListAsync(Ct);

        Assert.Equal(Seed.OrderByDescending(p => p.Price).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => p.Price), byProperty.Select(p => p.Price));
        Assert.Equal(Seed.OrderBy(p => p.ReorderLevel).Select(p => p.ReorderLevel), byColumn.Select(p => p.ReorderLevel));
    }

    [Theory]
    [InlineData("price; DROP TABLE products")]
    [InlineData("`price`")]
    [InlineData("Nonexistent")]
    [InlineData("")]
    public async Task An_unknown_sort_column_is_refused_before_any_sql_is_sent(string name)
    {
        // A database object whose server does not exist: reaching the network would fail differently.
        await using var db = TestDb.Connect("Server=127.0.0.1;Port=1;Connection Timeout=1");

        var error = Assert.Throws<ArgumentException>(() => db.Products.OrderBy(name));

        Assert.Contains("is not a column of Product", error.Message, StringComparison.Ordinal);
        Assert.Contains("Price", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task FindAsync_by_key()
    {
        await using var db = catalog.Connect();
        var first = await db.Products.OrderBy(p => p.Id).FirstAsync(Ct);
        Assert.Equal(first.Name, (await db.Products.FindAsync(first.Id, Ct))!.Name);
        Assert.Null(await db.Products.FindAsync(-1, Ct));
    }

    [Fact]
    public async Task First_and_FirstOrDefault()
    {
        await using var db = catalog.Connect();
        Assert.Equal("Anvil", (await db.Products.OrderBy(p => p.Id).FirstAsync(Ct)).Name);
        Assert.Equal("Banana", (await db.Products.OrderBy(p => p.Id).FirstAsync(p => p.Category == "Food", Ct)).Name);
        Assert.Null(await db.Products.FirstOrDefaultAsync(p => p.Name == "nothing", Ct));
        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Products.FirstAsync(p => p.Name == "nothing", Ct));
        Assert.Contains("returned no rows", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_says_so_when_there_are_two()
    {
        await using var db = catalog.Connect();
        Assert.Equal("Banana", (await db.Products.SingleAsync(p => p.Name == "Banana", Ct)).Name);
        Assert.Null(await db.Products.SingleOrDefaultAsync(p => p.Name == "nothing", Ct));

        var two = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Products.SingleAsync(p => p.Category == "Tools", Ct));
        Assert.Contains("more than one row", two.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Products.SingleOrDefaultAsync(p => p.Category == "Tools", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Products.SingleAsync(p => p.Name == "nothing", Ct));
    }

    [Fact]
    public async Task Count_and_Any()
    {
        await using var db = catalog.Connect();
        Assert.Equal(Seed.Count(), await db.Products.CountAsync(Ct));
        Assert.Equal(3, await db.Products.Where(p => p.Category == "Food").CountAsync(Ct));
        Assert.Equal(2, await db.Products.OrderBy(p => p.Id).Skip(8).Take(5).CountAsync(Ct));
        Assert.True(await db.Products.AnyAsync(p => p.Price > 50m, Ct));
        Assert.False(await db.Products.AnyAsync(p => p.Price > 500m, Ct));
    }

    [Fact]
    public async Task AsAsyncEnumerable_streams_rows_without_reading_ahead()
    {
        // The last row cannot be read into the model (its name is NULL): a query that buffered every row would fail.
        await catalog.ExecuteAsync("CREATE TABLE stream_probe LIKE products");
        await catalog.ExecuteAsync("ALTER TABLE stream_probe MODIFY name VARCHAR(100) NULL");
        await catalog.ExecuteAsync("INSERT INTO stream_probe SELECT * FROM products");
        await catalog.ExecuteAsync("INSERT INTO stream_probe (name, price, stock, reorder_level, active, color) VALUES (NULL, 1, 1, 1, 1, 0)");

        await using var db = catalog.Connect();
        var streamed = new List<string>();
        await foreach (var product in db.QueryAsAsyncEnumerable<Product>($"SELECT * FROM stream_probe ORDER BY id", Ct))
        {
            streamed.Add(product.Name);
            if (streamed.Count == 3) break;
        }

        Assert.Equal(Seed.Take(3).Select(p => p.Name), streamed);
        await Assert.ThrowsAsync<MappingException>(() => db.QueryAsync<Product>($"SELECT * FROM stream_probe ORDER BY id", Ct));
    }

    [Fact]
    public async Task AsAsyncEnumerable_yields_every_row_of_a_query()
    {
        await using var db = catalog.Connect();
        var names = new List<string>();
        await foreach (var product in db.Products.Where(p => p.Category == "Food").OrderBy(p => p.Id).AsAsyncEnumerable(Ct)) names.Add(product.Name);
        Assert.Equal(Seed.Where(p => p.Category == "Food").Select(p => p.Name), names);
    }

    [Fact]
    public async Task A_query_is_an_immutable_value_that_composes_with_ordinary_control_flow()
    {
        await using var db = catalog.Connect();
        var all = db.Products.OrderBy(p => p.Id);
        var food = all.Where(p => p.Category == "Food");
        var cheapFood = food.Where(p => p.Price < 3m);

        Assert.Equal(Seed.Count(), (await all.ToListAsync(Ct)).Count);
        Assert.Equal(3, (await food.ToListAsync(Ct)).Count);
        Assert.Equal(2, (await cheapFood.ToListAsync(Ct)).Count);
        Assert.Equal(3, (await food.ToListAsync(Ct)).Count);

        foreach (var (prefix, minPrice) in new[] { ((string?)null, 0m), ("B", 0m), ("B", 1m), (null, 5m) })
        {
            var q = db.Products.OrderBy(p => p.Name);
            if (prefix is not null) q = q.Where(p => p.Name.StartsWith(prefix));
            if (minPrice > 0) q = q.Where(p => p.Price >= minPrice);
            var expected = Seed.Count(p => (prefix is null || p.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) && p.Price >= minPrice);
            Assert.Equal(expected, await q.CountAsync(Ct));
        }
    }
}
