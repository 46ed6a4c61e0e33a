using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// Migration files given as additional files: embedded into the database class of their folder, in version order;
/// a .sql file of a migrations folder with a name the generator does not understand is a warning, and two files with
/// one version an error, instead of a file silently left out or a failure at run time.
/// </summary>
public sealed class MigrationFileTests
{
    /// <summary>The ids these tests prove (read by the test that every descriptor is tested).</summary>
    public static readonly string[] Ids = ["MORM0035", "MORM0036"];

    private const string Model = """
        using MicroOrm;
        [Table] public partial class Shop { [Key] public int Id { get; set; } }
        [Database] public partial class ShopDb { }
        """;

    private const string Step = "-- step 1: Create table `x`\nCREATE TABLE `x` (`id` INT NOT NULL PRIMARY KEY);\n";

    [Fact]
    public void The_files_of_a_database_folder_are_embedded_in_version_order_and_others_are_not()
    {
        var output = GeneratorHarness.Run([Model],
        [
            new TextFile("/p/Migrations/ShopDb/0002_Second.sql", Step),
            new TextFile("/p/Migrations/ShopDb/0001_First.sql", Step),
            new TextFile("/p/Migrations/OtherDb/0001_Other.sql", Step),
            new TextFile("/p/Scripts/0003_NotAMigration.sql", Step),
        ]);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems);
        var database = output.Sources.Single(s => s.HintName == "ShopDb.g.cs").SourceText.ToString();
        var first = database.IndexOf("new(1, \"First\", ", System.StringComparison.Ordinal);
        var second = database.IndexOf("new(2, \"Second\", ", System.StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, database);
        Assert.Contains("// Migrations/ShopDb/0001_First.sql", database, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Other", database, System.StringComparison.Ordinal);
        Assert.DoesNotContain("NotAMigration", database, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_a_migrations_folder_with_another_name_is_MORM0035()
    {
        var output = GeneratorHarness.Run([Model], [new TextFile("/p/Migrations/ShopDb/add-index.sql", Step)]);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("MORM0035", diagnostic.Id);
        Assert.Equal("/p/Migrations/ShopDb/add-index.sql", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Two_files_with_one_version_are_MORM0036()
    {
        var output = GeneratorHarness.Run([Model],
            [new TextFile("/p/Migrations/ShopDb/0002_AddIndex.sql", Step), new TextFile("/p/Migrations/ShopDb/0002_AddColumn.sql", Step)]);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("MORM0036", diagnostic.Id);
        Assert.Contains("both have version 2 for the database 'ShopDb'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
