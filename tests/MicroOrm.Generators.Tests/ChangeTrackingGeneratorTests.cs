using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// <c>[TrackChanges]</c> at build time: the partial properties are implemented with the declaration's own modifiers
/// and accessors (init, private set, required), and a mask of 64 columns is the limit (MORM0043).
/// </summary>
public sealed class ChangeTrackingGeneratorTests
{
    /// <summary>The id of the limit.</summary>
    public const string TooManyColumnsId = "MORM0043";

    [Fact]
    public void The_partial_properties_keep_their_modifiers_and_accessors_and_compile()
    {
        const string source = """
            using System;
            using MicroOrm;
            [Table, TrackChanges]
            public partial class Doc
            {
                [Key] public int Id { get; set; }
                public required partial string Title { get; set; }
                public partial string Code { get; private set; }
                public partial DateTime? Seen { get; init; }
                public partial int Rank { get; protected set; }
                public Doc() { }
                public void Recode(string code) => Code = code;
            }
            """;

        var output = GeneratorHarness.Run(source);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems);
        var generated = output.Sources.Single(s => s.HintName == "Doc.g.cs").SourceText.ToString();
        Assert.Contains("public required partial string Title { get => _microOrmTitle; set { _microOrmTitle = value; _microOrmChanged |= 1UL << 0; } }", generated);
        Assert.Contains("public partial string Code { get => _microOrmCode; private set { _microOrmCode = value; _microOrmChanged |= 1UL << 1; } }", generated);
        Assert.Contains("public partial global::System.DateTime? Seen { get => _microOrmSeen; init { _microOrmSeen = value; _microOrmChanged |= 1UL << 2; } }", generated);
        Assert.Contains("public partial int Rank { get => _microOrmRank; protected set { _microOrmRank = value; _microOrmChanged |= 1UL << 3; } }", generated);
    }

    [Fact]
    public void More_than_64_tracked_columns_is_an_error_at_the_entity()
    {
        var properties = string.Join(" ", Enumerable.Range(0, 65).Select(i => $"public partial int C{i} {{ get; set; }}"));
        var (source, span) = GeneratorHarness.Marked($"using MicroOrm; [Table, TrackChanges] public partial class [|Wide|] {{ [Key] public int Id {{ get; set; }} {properties} }}");

        var output = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal((TooManyColumnsId, span), (diagnostic.Id, diagnostic.Location.SourceSpan));
        Assert.Contains("updates 65 columns", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
