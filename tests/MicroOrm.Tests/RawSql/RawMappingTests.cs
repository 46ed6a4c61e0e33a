using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.RawSql;

/// <summary>Raw results map by column name: in any order, through aliases in either case style, with documented handling of missing and extra columns.</summary>
public sealed class RawMappingTests(ReferenceDbFixture database) : IClassFixture<ReferenceDbFixture>, IAsyncLifetime
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var db = database.Connect();
        if (await db.States.AnyAsync(Ct)) return;
        var states = new[] { new State { Name = "California" }, new State { Name = "Arizona" } };
        await db.States.InsertManyAsync(states, Ct);
        await db.Cities.InsertManyAsync([new City { Name = "San Francisco", StateId = states[0].Id }, new City { Name = "Phoenix", StateId = states[1].Id }], Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Columns_in_any_order_map_by_name()
    {
        await using var db = database.Connect();
        var rows = await db.QueryAsync<StateSummary>($"SELECT name, id FROM states ORDER BY id", Ct);
        Assert.Equal([new StateSummary(rows[0].Id, "California"), new StateSummary(rows[1].Id, "Arizona")], rows);
    }

    [Fact]
    public async Task Snake_case_and_PascalCase_aliases_both_match()
    {
        await using var db = database.Connect();
        var snake = await db.QueryAsync<CityLine>($"SELECT c.name AS city_name, s.name AS state_name FROM cities c JOIN states s ON s.id = c.state_id ORDER BY c.id", Ct);
        var pascal = await db.QueryAsync<CityLine>($"SELECT s.name AS StateName, c.name AS City_Name FROM cities c JOIN states s ON s.id = c.state_id ORDER BY c.id", Ct);

        Assert.Equal([("San Francisco", "California", (int?)null), ("Phoenix", "Arizona", null)], snake.Select(r => (r.City, r.StateName, r.Population)));
        Assert.Equal(snake, pascal);
    }

    [Fact]
    public async Task A_missing_nullable_member_stays_null_and_extra_columns_are_ignored()
    {
        await using var db = database.Connect();
        var rows = await db.QueryAsync<CityLine>($"SELECT 42 AS unrelated, c.name AS city_name, 'x' AS state_name, NOW() AS also_unrelated FROM cities c ORDER BY c.id", Ct);
        Assert.All(rows, r => Assert.Null(r.Population));
        Assert.Equal(["San Francisco", "Phoenix"], rows.Select(r => r.City));
    }

    [Fact]
    public async Task A_missing_non_nullable_member_is_an_error_that_names_it()
    {
        await using var db = database.Connect();
        var error = await Assert.ThrowsAsync<MappingException>(() => db.QueryAsync<CityLine>($"SELECT name AS city_name FROM cities", Ct));

        Assert.Contains("StateName", error.Message, StringComparison.Ordinal);
        Assert.Contains("state_name", error.Message, StringComparison.Ordinal);
        Assert.Equal("state_name", error.Column);
    }

    [Fact]
    public async Task Of_two_columns_with_one_name_the_first_wins()
    {
        await using var db = database.Connect();
        var rows = await db.QueryAsync<StateSummary>($"SELECT s.id, s.name, c.name FROM states s JOIN cities c ON c.state_id = s.id ORDER BY s.id", Ct);
        Assert.Equal(["California", "Arizona"], rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Entities_map_from_star_and_enums_map_from_names()
    {
        await using var db = database.Connect();
        var states = await db.QueryAsync<State>($"SELECT * FROM states WHERE name = {"Arizona"}", Ct);
        Assert.Equal("Arizona", Assert.Single(states).Name);

        var counts = await db.QueryAsync<ColorCount>($"SELECT 'Blue' AS color, COUNT(*) AS total FROM states", Ct);
        Assert.Equal((Color.Blue, 2L), (counts[0].Color, counts[0].Total));
        var unknown = await Assert.ThrowsAsync<MappingException>(() => db.QueryAsync<ColorCount>($"SELECT 'Purple' AS color, 1 AS total", Ct));
        Assert.Equal("color", unknown.Column);
    }

    [Fact]
    public async Task Scalars_tuples_and_first_or_default()
    {
        await using var db = database.Connect();
        Assert.Equal(["Arizona", "California"], await db.QueryValuesAsync<string>($"SELECT name FROM states ORDER BY name", Ct));
        Assert.Equal([("Arizona", 1L)], await db.QueryAsync<string, long>($"SELECT s.name, COUNT(*) FROM states s JOIN cities c ON c.state_id = s.id WHERE s.name = {"Arizona"} GROUP BY s.name", Ct));
        // No row is not a NULL: ExecuteScalarAsync says so (ErrorSurfacingTests); a NULL column reads as null.
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.ExecuteScalarAsync<long?>($"SELECT id FROM states WHERE name = {"Nowhere"}", Ct));
        Assert.Null(await db.ExecuteScalarAsync<long?>($"SELECT MAX(id) FROM states WHERE name = {"Nowhere"}", Ct));
        Assert.Null(await db.QueryFirstOrDefaultAsync<StateSummary>($"SELECT id, name FROM states WHERE id < 0", Ct));
        Assert.Equal([(1, "a", (string?)null)], await db.QueryAsync<int, string, string?>($"SELECT 1, 'a', NULL", Ct));
    }

    [Fact]
    public async Task A_format_string_in_a_hole_is_refused()
    {
        await using var db = database.Connect();
        var price = 3.5m;
        Assert.Throws<FormatException>(() => { _ = db.QueryValuesAsync<decimal>($"SELECT {price:F2}", Ct); });
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Fragments_compose_with_their_own_parameters()
    {
        await using var db = database.Connect();
        var filter = Sql.Format($"name = {"Arizona"} OR name = {"California"}");
        var rows = await db.QueryValuesAsync<string>($"SELECT name FROM states WHERE id > {0} AND ({filter}) ORDER BY name", Ct);
        Assert.Equal(["Arizona", "California"], rows);
    }
}
