using System.Collections.Immutable;
using System.Linq;
using MicroOrm.Generators.Analyzers;
using MicroOrm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// A plain <see langword="null"/> for a column, as a consumer writes it: on a nullable column <c>Set(r =&gt; r.Motto, null)</c>
/// and <c>r.Motto == null</c> compile (the value overloads are preferred, so there is no ambiguity), and on a NOT NULL
/// column they do not (MORM1003, an error at the null).
/// </summary>
public sealed class NullOverloadTests
{
    /// <summary>The id these tests cover.</summary>
    public const string Id = "MORM1003";

    private const string Prelude = """
        using System;
        using System.Threading.Tasks;
        using MicroOrm;
        [Table] public partial class Thing
        {
            [Key] public int Id { get; set; }
            [MaxLength(20)] public string? Motto { get; set; }
            [MaxLength(20)] public string Name { get; set; } = "";
            public int Count { get; set; }
            public int? Score { get; set; }
        }
        [Database] public partial class Db { }
        public class Usage
        {
            public async Task M(Db db)
            {
                BODY
            }
        }
        """;

    [Theory]
    [InlineData("await db.Things.Where(t => t.Id == 1).UpdateAsync(u => u.Set(t => t.Motto, null));")]
    [InlineData("await db.Things.Where(t => t.Id == 1).UpdateAsync(u => u.Set(t => t.Score, null).Set(t => t.Count, t => t.Count));")]
    [InlineData("await db.Things.Where(t => t.Motto == null || t.Score != null).ToListAsync();")]
    [InlineData("await db.Things.Where(t => t.Name == t.Motto!).ToListAsync();")]
    public void A_plain_null_for_a_nullable_column_compiles(string body)
    {
        Assert.Empty(Problems(body));
    }

    [Theory]
    [InlineData("await db.Things.Where(t => t.Id == 1).UpdateAsync(u => u.Set(t => t.Name, [|null|]));", Id, "'Name' is NOT NULL, so it cannot be set to null")]
    [InlineData("await db.Things.Where(t => t.Id == 1).UpdateAsync(u => u.Set(t => t.Count, [|null|]));", Id, "'Count' is NOT NULL, so it cannot be set to null")]
    [InlineData("await db.Things.Where(t => t.Name != [|null|]).ToListAsync();", Id, "'Name' is NOT NULL, so it cannot be compared with null")]
    // An int column and null have no operator in common: the compiler says so itself.
    [InlineData("await db.Things.Where(t => [|t.Count == null|]).ToListAsync();", "CS0019", "Operator '==' cannot be applied")]
    public void A_plain_null_for_a_not_null_column_does_not_compile(string body, string id, string message)
    {
        var (source, span) = GeneratorHarness.Marked(Prelude.Replace("BODY", body, System.StringComparison.Ordinal));

        var error = Assert.Single(Problems(source, marked: true), d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal((id, span), (error.Id, error.Location.SourceSpan));
        Assert.StartsWith(message, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static ImmutableArray<Diagnostic> Problems(string body, bool marked = false)
    {
        var source = marked ? body : Prelude.Replace("BODY", body, System.StringComparison.Ordinal);
        var output = GeneratorHarness.Run(source);
        var compiler = output.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        var analyzers = output.Compilation.WithAnalyzers([new NullForNotNullAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return compiler.AddRange(analyzers);
    }
}
