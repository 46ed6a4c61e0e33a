using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Querying;

/// <summary>The catalog every filter test reads: a fixed set of products, never modified.</summary>
public sealed class CatalogFixture(ServerFixture server) : TestDbFixture(server)
{
    public static readonly Product[] Seed =
    [
        new() { Name = "Anvil", Category = "Tools", Price = 99.90m, Stock = 3, ReorderLevel = 5, Color = Color.Red },
        new() { Name = "anvil mini", Category = "Tools", Price = 19.50m, Stock = 40, ReorderLevel = 10, Color = Color.Red, Finish = Color.Blue },
        new() { Name = "Banana", Category = "Food", Price = 0.25m, Stock = 500, ReorderLevel = 100, Color = Color.Green },
        new() { Name = "Blueberry", Category = "Food", Price = 4.00m, Stock = 0, ReorderLevel = 20, Color = Color.Blue, Active = false, Discontinued = new DateOnly(2024, 1, 31) },
        new() { Name = "100% juice", Category = "Food", Price = 2.50m, Stock = 30, ReorderLevel = 30, Color = Color.Green },
        new() { Name = "snake_case", Category = null, Price = 7.00m, Stock = 7, ReorderLevel = 1, Color = Color.Blue, Finish = Color.Red },
        new() { Name = "back\\slash", Category = null, Price = 1.00m, Stock = 1, ReorderLevel = 2, Color = Color.Red },
        new() { Name = "pipe|bar", Category = "Misc", Price = 3.00m, Stock = 3, ReorderLevel = 3, Color = Color.Green },
        new() { Name = "O'Brien's \"quoted\"", Category = "Misc", Price = 5.00m, Stock = 5, ReorderLevel = 4, Color = Color.Blue },
        new() { Name = "Émoji 😀 crème", Category = "Misc", Price = 6.66m, Stock = 6, ReorderLevel = 6, Color = Color.Red },
    ];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Connect();
        await db.Products.InsertManyAsync(Seed.Select(Copy));
    }

    private static Product Copy(Product p) => new()
    {
        Name = p.Name, Category = p.Category, Price = p.Price, Stock = p.Stock, ReorderLevel = p.ReorderLevel,
        Active = p.Active, Color = p.Color, Finish = p.Finish, Discontinued = p.Discontinued,
    };
}

/// <summary>Every filter operator against the real server, compared with the same filter evaluated in C# over the seed.</summary>
public sealed class FilterTests(CatalogFixture catalog) : IClassFixture<CatalogFixture>
{
    private static IEnumerable<Product> Seed => CatalogFixture.Seed;

    [Fact]
    public async Task Equality_and_inequality_with_values() =>
        await Matches(q => q.Where(p => p.Stock == 3), Seed.Where(p => p.Stock == 3));

    [Fact]
    public async Task Not_equal() =>
        await Matches(q => q.Where(p => p.Color != Color.Red), Seed.Where(p => p.Color != Color.Red));

    [Fact]
    public async Task Ordering_comparisons() =>
        await Matches(q => q.Where(p => p.Price < 5m && p.Price >= 1m && p.Stock <= 30 && p.Stock > 0),
            Seed.Where(p => p.Price < 5m && p.Price >= 1m && p.Stock <= 30 && p.Stock > 0));

    [Fact]
    public async Task A_column_compared_with_another_column() =>
        await Matches(q => q.Where(p => p.Stock < p.ReorderLevel), Seed.Where(p => p.Stock < p.ReorderLevel));

    [Fact]
    public async Task Columns_compared_for_equality_and_order() =>
        await Matches(q => q.Where(p => p.Stock == p.ReorderLevel || p.Stock > p.ReorderLevel), Seed.Where(p => p.Stock >= p.ReorderLevel));

    [Fact]
    public async Task Equality_with_null_is_IS_NULL() =>
        await Matches(q => q.Where(p => p.Category == null), Seed.Where(p => p.Category is null));

    [Fact]
    public async Task Inequality_with_null_is_IS_NOT_NULL() =>
        await Matches(q => q.Where(p => p.Finish != null), Seed.Where(p => p.Finish is not null));

    [Fact]
    public async Task IsNull_and_IsNotNull() =>
        await Matches(q => q.Where(p => p.Discontinued.IsNull() && p.Category.IsNotNull()), Seed.Where(p => p.Discontinued is null && p.Category is not null));

    [Fact]
    public async Task In_a_list() =>
        await Matches(q => q.Where(p => p.Name.In("Anvil", "Banana", "not there")), Seed.Where(p => p.Name is "Anvil" or "Banana"));

    [Fact]
    public async Task In_an_empty_list_matches_nothing_and_NotIn_an_empty_list_matches_everything()
    {
        await Matches(q => q.Where(p => p.Stock.In(Array.Empty<int>())), []);
        await Matches(q => q.Where(p => p.Stock.NotIn(Array.Empty<int>())), Seed);
    }

    [Fact]
    public async Task In_a_list_with_null_matches_null_rows() =>
        await Matches(q => q.Where(p => p.Category.In(new[] { "Tools", null })), Seed.Where(p => p.Category is "Tools" or null));

    [Fact]
    public async Task NotIn_a_list() =>
        await Matches(q => q.Where(p => p.Color.NotIn([Color.Red, Color.Green])), Seed.Where(p => p.Color == Color.Blue));

    [Fact]
    public async Task Between_includes_both_ends() =>
        await Matches(q => q.Where(p => p.Price.Between(2.50m, 6.66m)), Seed.Where(p => p.Price >= 2.50m && p.Price <= 6.66m));

    [Fact]
    public async Task StartsWith_uses_the_column_collation_which_ignores_case() =>
        await Matches(q => q.Where(p => p.Name.StartsWith("anvil")), Seed.Where(p => p.Name.StartsWith("anvil", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public async Task StartsWith_ordinal_is_case_sensitive() =>
        await Matches(q => q.Where(p => p.Name.StartsWith("anvil", StringComparison.Ordinal)), Seed.Where(p => p.Name.StartsWith("anvil", StringComparison.Ordinal)));

    [Fact]
    public async Task StartsWith_upper_case_N_ordinal_matches_only_upper_case() =>
        await Matches(q => q.Where(p => p.Name.StartsWith("B", StringComparison.Ordinal)), Seed.Where(p => p.Name.StartsWith('B')));

    [Fact]
    public async Task EndsWith_and_Contains() =>
        await Matches(q => q.Where(p => p.Name.EndsWith("berry") || p.Name.Contains("nan")), Seed.Where(p => p.Name.EndsWith("berry") || p.Name.Contains("nan")));

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("|")]
    [InlineData("'")]
    [InlineData("\"")]
    [InlineData("😀")]
    public async Task Contains_matches_wildcards_escapes_and_quotes_literally(string fragment) =>
        await Matches(q => q.Where(p => p.Name.Contains(fragment)), Seed.Where(p => p.Name.Contains(fragment, StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public async Task Like_takes_a_pattern_with_an_escape_character()
    {
        await Matches(q => q.Where(p => p.Name.Like("B%a")), Seed.Where(p => p.Name is "Banana"));
        await Matches(q => q.Where(p => p.Name.Like("_00\\% %")), Seed.Where(p => p.Name == "100% juice"));
        await Matches(q => q.Where(p => p.Name.Like("snake!_%", escape: '!')), Seed.Where(p => p.Name == "snake_case"));
        await Matches(q => q.Where(p => p.Name.Like("a%", StringComparison.Ordinal)), Seed.Where(p => p.Name == "anvil mini"));
    }

    [Fact]
    public async Task Equals_with_an_explicit_comparison()
    {
        await Matches(q => q.Where(p => p.Name.Equals("ANVIL", StringComparison.OrdinalIgnoreCase)), Seed.Where(p => p.Name == "Anvil"));
        await Matches(q => q.Where(p => p.Name.Equals("ANVIL", StringComparison.Ordinal)), []);
    }

    [Fact]
    public async Task And_or_not_combine_as_in_csharp() =>
        await Matches(q => q.Where(p => !(p.Category == "Food") && (p.Color == Color.Red || p.Finish == Color.Red)),
            Seed.Where(p => p.Category != "Food" && (p.Color == Color.Red || p.Finish == Color.Red)));

    [Fact]
#pragma warning disable CS1718 // A nullable column equals itself even when NULL: equality is null-safe, as in C#.
    public async Task Not_is_the_exact_complement_even_over_null_columns()
    {
        await Matches(q => q.Where(p => !(p.Category == "Food")), Seed.Where(p => p.Category != "Food"));
        await Matches(q => q.Where(p => !(p.Category != "Food")), Seed.Where(p => p.Category == "Food"));
        await Matches(q => q.Where(p => !(p.Discontinued < new DateOnly(2030, 1, 1))), Seed.Where(p => !(p.Discontinued < new DateOnly(2030, 1, 1))));
        await Matches(q => q.Where(p => !p.Category.In("Tools", "Misc")), Seed.Where(p => p.Category is not ("Tools" or "Misc")));
        await Matches(q => q.Where(p => !p.Category.StartsWith("F")), Seed.Where(p => p.Category is null || !p.Category.StartsWith('F')));
        await Matches(q => q.Where(p => p.Category == p.Category), Seed);
    }
#pragma warning restore CS1718

    [Fact]
    public async Task Several_Where_calls_combine_with_and() =>
        await Matches(q => q.Where(p => p.Active == true).Where(p => p.Price > 5m), Seed.Where(p => p.Active && p.Price > 5m));

    [Fact]
    public async Task Enums_stored_as_integers_and_as_names_compare_by_value()
    {
        await Matches(q => q.Where(p => p.Color == Color.Green), Seed.Where(p => p.Color == Color.Green));
        await Matches(q => q.Where(p => p.Finish == Color.Blue), Seed.Where(p => p.Finish == Color.Blue));
        await Matches(q => q.Where(p => p.Finish.In(Color.Blue, Color.Red)), Seed.Where(p => p.Finish is Color.Blue or Color.Red));
    }

    [Fact]
    public async Task Booleans_and_nullable_dates() =>
        await Matches(q => q.Where(p => p.Active == false || p.Discontinued > new DateOnly(2023, 1, 1)), Seed.Where(p => !p.Active || p.Discontinued > new DateOnly(2023, 1, 1)));

    [Fact]
    public async Task Condition_True_and_False()
    {
        await Matches(q => q.Where(_ => Condition.True), Seed);
        await Matches(q => q.Where(_ => Condition.False), []);
    }

    [Fact]
    public async Task Each_tricky_name_is_found_by_equality()
    {
        await using var db = catalog.Connect();
        foreach (var product in Seed)
        {
            var found = await db.Products.SingleAsync(p => p.Name == product.Name, TestContext.Current.CancellationToken);
            Assert.Equal(product.Name, found.Name);
        }
    }

    private async Task Matches(Func<Query<Product, Product.Columns>, Query<Product, Product.Columns>> query, IEnumerable<Product> expected)
    {
        await using var db = catalog.Connect();
        var rows = await query(db.Products).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(expected.Select(p => p.Name).Order(StringComparer.Ordinal), rows.Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
