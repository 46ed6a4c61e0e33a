using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Querying;

/// <summary>Projections to values, tuples and [Row] types; inner joins of two entities; grouping with aggregates.</summary>
public sealed class ProjectionTests(CatalogFixture catalog) : IClassFixture<CatalogFixture>
{
    private static IEnumerable<Product> Seed => CatalogFixture.Seed;

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Select_one_column()
    {
        await using var db = catalog.Connect();
        var names = await db.Products.Where(p => p.Category == "Food").OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(Ct);
        Assert.Equal(Seed.Where(p => p.Category == "Food").Select(p => p.Name), names);
    }

    [Fact]
    public async Task Select_a_tuple_with_nullable_and_enum_members()
    {
        await using var db = catalog.Connect();
        var rows = await db.Products.OrderBy(p => p.Id).Select(p => (p.Name, p.Category, p.Price, p.Finish)).ToListAsync(Ct);
        Assert.Equal(Seed.Select(p => (p.Name, p.Category, p.Price, p.Finish)), rows);
    }

    [Fact]
    public async Task Select_into_a_row_type_selects_only_its_columns()
    {
        await using var db = TestDb.Connect(catalog.ConnectionString);
        var query = db.Products.Where(p => p.Stock > 100).Select<StateSummary>();

        Assert.Equal("SELECT `id`, `name` FROM `products` WHERE `stock` > @p0", query.ToSql().Text);
        var rows = await query.ToListAsync(Ct);
        Assert.Equal([new StateSummary(rows[0].Id, "Banana")], rows);
    }

    [Fact]
    public async Task Join_pairs_each_row_with_its_match()
    {
        await using var db = await SeededStatesAsync();
        var pairs = await db.Cities.Join(db.States, (c, s) => c.StateId == s.Id).OrderBy((c, s) => c.Id).ToListAsync(Ct);

        Assert.Equal(
            ["San Francisco: California", "San Jose: California", "Phoenix: Arizona", "Dallas: Texas", "Houston: Texas"],
            pairs.Select(p => $"{p.Item1.Name}: {p.Item2.Name}"));
        Assert.All(pairs, p => Assert.Equal(p.Item1.StateId, p.Item2.Id));
    }

    [Fact]
    public async Task Join_filters_on_either_side_and_projects()
    {
        await using var db = await SeededStatesAsync();
        var rows = await db.Cities.Join(db.States, (c, s) => c.StateId == s.Id)
            .Where((c, s) => s.Name.StartsWith("T") || c.Name == "Phoenix")
            .OrderByDescending((c, s) => c.Name)
            .Select((c, s) => (c.Name, s.Name))
            .ToListAsync(Ct);

        Assert.Equal([("Phoenix", "Arizona"), ("Houston", "Texas"), ("Dallas", "Texas")], rows);
    }

    [Fact]
    public async Task GroupBy_with_count_sum_min_max_having_and_order()
    {
        await using var db = catalog.Connect();
        var rows = await db.Products
            .Where(p => p.Category != null)
            .GroupBy(p => p.Category)
            .Having(p => Aggregates.Count() > 1)
            .OrderByDescending(p => Aggregates.Sum(p.Stock))
            .Select(p => (p.Category, Aggregates.Count(), Aggregates.Sum(p.Stock), Aggregates.Max(p.Price)))
            .ToListAsync(Ct);

        var expected = Seed.Where(p => p.Category != null).GroupBy(p => p.Category)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Sum(p => p.Stock))
            .Select(g => (g.Key, (long)g.Count(), (long?)g.Sum(p => p.Stock), g.Max(p => p.Price)));
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Aggregates_over_the_whole_table()
    {
        await using var db = catalog.Connect();
        var (count, min, average) = (await db.Products.GroupBy(p => p.Active).Select(p => (Aggregates.Count(), Aggregates.Min(p.Price), Aggregates.Average(p.Stock))).ToListAsync(Ct))
            .Single(r => r.Item1 == Seed.Count(p => p.Active));
        Assert.Equal(Seed.Where(p => p.Active).Min(p => p.Price), min);
        Assert.Equal((decimal)Seed.Where(p => p.Active).Average(p => p.Stock), average!.Value, 4);
        Assert.Equal(9, count);
    }

    [Fact]
    public async Task First_row_of_a_projection_a_join_or_a_group_asks_the_server_for_one_row()
    {
        await using var db = await SeededStatesAsync();
        await using var catalogDb = catalog.Connect();
        using var counter = new CommandCounter(catalog.DatabaseName);

        var name = await catalogDb.Products.OrderBy(p => p.Name).Select(p => p.Name).FirstOrDefaultAsync(Ct);
        var pair = db.Cities.Join(db.States, (c, s) => c.StateId == s.Id).OrderBy((c, s) => c.Id).Select((c, s) => (c.Name, s.Name)).FirstOrDefault();
        var group = await catalogDb.Products.Where(p => p.Category == "Tools").GroupBy(p => p.Category)
            .Select(p => (p.Category, Aggregates.Count())).FirstOrDefaultAsync(Ct);
        var capped = await catalogDb.Products.OrderByDescending(p => p.Price).Take(5).Select(p => p.Price).FirstOrDefaultAsync(Ct);

        Assert.Equal("100% juice", name);
        Assert.Equal(("San Francisco", "California"), pair);
        Assert.Equal(("Tools", 2L), group);
        Assert.Equal(Seed.Max(p => p.Price), capped);
        var selects = counter.Commands.Where(c => c.StartsWith("SELECT `", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, selects.Length);
        Assert.All(selects, sql => Assert.Matches(@" LIMIT @p\d+$", sql));
    }

    private async Task<AppDb> SeededStatesAsync()
    {
        var db = AppDb.Connect(catalog.ConnectionString);
        await db.Schema.CreateAsync(Ct);
        if (await db.States.AnyAsync(Ct)) return db;
        var california = new State { Name = "California" };
        var arizona = new State { Name = "Arizona" };
        var texas = new State { Name = "Texas" };
        await db.States.InsertManyAsync([california, arizona, texas], Ct);
        await db.Cities.InsertManyAsync(
        [
            new City { Name = "San Francisco", StateId = california.Id },
            new City { Name = "San Jose", StateId = california.Id },
            new City { Name = "Phoenix", StateId = arizona.Id },
            new City { Name = "Dallas", StateId = texas.Id },
            new City { Name = "Houston", StateId = texas.Id },
        ], Ct);
        return db;
    }
}
