using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>A rename hint (<c>Was</c> on <c>[Table]</c> or <c>[Column]</c>) reaches the generated metadata, and is checked like any identifier.</summary>
public sealed class RenameHintTests
{
    [Fact]
    public void The_previous_names_are_in_the_generated_table_and_column()
    {
        var output = GeneratorHarness.Run("""
            using MicroOrm;
            [Table("shops", Was = "stores")] public partial class Shop
            {
                [Key] public int Id { get; set; }
                [Column(Was = "title")] public string Name { get; set; } = "";
            }
            """);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems);
        var shop = output.Sources.Single(s => s.HintName.Contains("Shop", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("global::MicroOrm.Mapping.ColumnFlags.None, 255, validator: new global::MicroOrm.Mapping.ValueValidator<string>(CheckName), was: \"title\");", shop, System.StringComparison.Ordinal);
        Assert.Contains("was: \"stores\");", shop, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Table(Was = \"bad`name\")]", "[Column]")]
    [InlineData("[Table]", "[Column(Was = \"bad`name\")]")]
    public void A_previous_name_that_is_no_identifier_is_MORM0012(string table, string column)
    {
        var output = GeneratorHarness.Run($$"""
            using MicroOrm;
            {{table}} public partial class Shop
            {
                [Key] public int Id { get; set; }
                {{column}} public string Name { get; set; } = "";
            }
            """);

        Assert.Equal("MORM0012", Assert.Single(output.Diagnostics).Id);
    }
}
