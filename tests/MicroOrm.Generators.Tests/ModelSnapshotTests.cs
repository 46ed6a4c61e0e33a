using System.Globalization;
using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// The model's schema as a constant of the database class, and MORM0037: the build compares it with the snapshot the
/// last migration wrote (<c>Migrations/&lt;Db&gt;/model.snapshot</c>) and names what changed without a migration.
/// </summary>
public sealed class ModelSnapshotTests
{
    /// <summary>The ids these tests prove (read by the test that every descriptor is tested).</summary>
    public static readonly string[] Ids = ["MORM0037"];

    private const string Model = """
        using MicroOrm;
        [Table("shops")] public partial class Shop
        {
            [Key] public int Id { get; set; }
            [MaxLength(80), Unique] public string Name { get; set; } = "";
            [Column(Was = "town")] public string? City { get; set; }
            [Range(0, 5)] public int Stars { get; set; }
        }
        [Table("orders", Was = "purchases")] public partial class Order
        {
            [Key] public long Id { get; set; }
            [ForeignKey(typeof(Shop), OnDelete = ReferentialAction.SetNull)] public int? ShopId { get; set; }
            [Precision(10, 2)] public decimal Total { get; set; }
        }
        [Database] public partial class ShopDb { }
        """;

    /// <summary>The snapshot of <see cref="Model"/> as the tool writes it: no rename hints, a comment header.</summary>
    private const string Snapshot = """
        -- MicroOrm model snapshot of ShopDb: the schema migration 1 leads to.
        table `shops`
          column `id` INT NOT NULL AUTO_INCREMENT
          column `name` VARCHAR(80) NOT NULL
          column `city` VARCHAR(255) NULL
          column `stars` INT NOT NULL
          primary key (`id`)
          unique `ux_shops_name` (`name`)
          check `ck_shops_stars` (`stars`) between 0 and 5
        table `orders`
          column `id` BIGINT NOT NULL AUTO_INCREMENT
          column `shop_id` INT NULL
          column `total` DECIMAL(10,2) NOT NULL
          primary key (`id`)
          foreign key `fk_orders_shop_id` (`shop_id`) references `shops` (`id`) on delete SET NULL

        """;

    [Fact]
    public void The_database_class_holds_its_models_schema_as_a_constant_with_rename_hints()
    {
        var output = GeneratorHarness.Run(Model);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems);
        var constant = (string)output.Compilation.GetTypeByMetadataName("ShopDb")!.GetMembers("ModelSnapshot").OfType<IFieldSymbol>().Single().ConstantValue!;
        var expected = Snapshot.Split('\n').Skip(1).Select(l => l.TrimEnd('\r'))
            .Select(l => l == "table `orders`" ? "table `orders` was `purchases`" : l == "  column `city` VARCHAR(255) NULL" ? "  column `city` VARCHAR(255) NULL was `town`" : l);
        Assert.Equal(string.Join("\n", expected), constant);
    }

    [Fact]
    public void A_snapshot_that_matches_the_model_is_quiet_and_rename_hints_do_not_count()
    {
        var output = GeneratorHarness.Run([Model], [new TextFile("/p/Migrations/ShopDb/model.snapshot", Snapshot)]);

        Assert.Empty(output.Diagnostics);
    }

    [Fact]
    public void A_model_changed_since_the_snapshot_is_MORM0037_naming_the_differences()
    {
        var changed = Model.Replace("[Range(0, 5)] public int Stars", "public string? Phone { get; set; }\n    [Range(0, 5)] public int Stars", System.StringComparison.Ordinal)
            .Replace("[Precision(10, 2)]", "[Precision(12, 2)]", System.StringComparison.Ordinal);

        var output = GeneratorHarness.Run([changed], [new TextFile("/p/Migrations/ShopDb/model.snapshot", Snapshot)]);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("MORM0037", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("The model of 'ShopDb' differs from 'Migrations/ShopDb/model.snapshot'", message, System.StringComparison.Ordinal);
        Assert.Contains("column `phone` VARCHAR(255) NULL of table `shops` is in the model, not in the snapshot", message, System.StringComparison.Ordinal);
        Assert.Contains("column `total` DECIMAL(12,2) NOT NULL of table `orders` is in the model, not in the snapshot", message, System.StringComparison.Ordinal);
        Assert.Contains("column `total` DECIMAL(10,2) NOT NULL of table `orders` is in the snapshot, not in the model", message, System.StringComparison.Ordinal);
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        Assert.Contains("partial class ShopDb", changed.Split('\n')[line], System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_shop_models_second_version_against_the_first_ones_snapshot_warns_as_the_README_shows()
    {
        static string Source(int version) => System.IO.File.ReadAllText(System.IO.Path.Combine(MicroOrm.Testing.RepositoryPaths.Root, "tests", $"Shop.V{version}", "ShopModel.cs"));
        var first = GeneratorHarness.Run(Source(1));
        var snapshot = (string)first.Compilation.GetTypeByMetadataName("Shop.V1.ShopDb")!.GetMembers("ModelSnapshot").OfType<IFieldSymbol>().Single().ConstantValue!;

        var second = GeneratorHarness.Run([Source(2)], [new TextFile("/shop/Migrations/ShopDb/model.snapshot", snapshot)]);

        Assert.Equal(
            "The model of 'ShopDb' differs from 'Migrations/ShopDb/model.snapshot', the schema its last migration leads to: " +
            "column `city` VARCHAR(80) NULL of table `shops` is in the model, not in the snapshot; " +
            "index `ix_shops_city` (`city`) of table `shops` is in the model, not in the snapshot; " +
            "add a migration for the change (dotnet microorm migrations add <Name>), or the database will not match the model",
            Assert.Single(second.Diagnostics).GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Past_three_differences_the_rest_are_counted()
    {
        var output = GeneratorHarness.Run([Model], [new TextFile("/p/Migrations/ShopDb/model.snapshot", "table `shops`\n  column `a` INT NULL\n  column `b` INT NULL\n")]);

        var message = Assert.Single(output.Diagnostics).GetMessage(CultureInfo.InvariantCulture);
        Assert.Matches(@"; and \d+ more; add a migration", message);
    }

    [Fact]
    public void A_snapshot_of_another_database_or_outside_a_migrations_folder_is_not_compared()
    {
        var output = GeneratorHarness.Run([Model],
        [
            new TextFile("/p/Migrations/OtherDb/model.snapshot", "table `other`\n"),
            new TextFile("/p/Snapshots/ShopDb/model.snapshot", "table `other`\n"),
        ]);

        Assert.Empty(output.Diagnostics);
    }
}
