using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MicroOrm.Generators.Analyzers;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>MORM1001: a non-constant string reaching an API that runs SQL as written is flagged; constants are not.</summary>
public sealed class ConstantSqlAnalyzerTests
{
    /// <summary>The id these tests cover.</summary>
    public const string Id = "MORM1001";

    private const string Prelude = """
        using System;
        using System.Threading.Tasks;
        using MicroOrm;
        public static class Own { public static void Run([ConstantSql] string sql) { } }
        public class Usage
        {
            private const string Table = "states";
            private static string field = "SELECT 1";
            public string Property { get; set; } = "SELECT 1";
            private static string Make() => "SELECT 1";
            public async Task M(DatabaseContext db, string input, int id)
            {
                const string local = "SELECT * FROM " + Table;
                var variable = "SELECT 1";
                BODY
            }
        }
        """;

    [Theory]
    [InlineData("await db.ExecuteUnsafeAsync([|\"DELETE FROM states WHERE name = '\" + input + \"'\"|]);", "concatenation")]
    [InlineData("await db.ExecuteUnsafeAsync([|string.Format(\"SELECT * FROM states WHERE id = {0}\", id)|]);", "string.Format")]
    [InlineData("await db.ExecuteUnsafeAsync([|$\"SELECT * FROM states WHERE name = '{input}'\"|]);", "interpolated string")]
    [InlineData("await db.QueryUnsafeAsync<Row1>([|variable|]);", "variable 'variable'")]
    [InlineData("await db.ExecuteUnsafeAsync([|input|]);", "parameter 'input'")]
    [InlineData("await db.ExecuteUnsafeAsync([|field|]);", "field 'field'")]
    [InlineData("await db.ExecuteUnsafeAsync([|Property|]);", "property 'Property'")]
    [InlineData("await db.ExecuteUnsafeAsync([|Make()|]);", "result of Make")]
    [InlineData("Own.Run([|\"SELECT \" + id|]);", "concatenation")]
    public void Unsafe_sql_is_flagged_with_the_id_at_the_argument(string body, string reason)
    {
        var (source, span) = GeneratorHarness.Marked(Prelude.Replace("BODY", body, System.StringComparison.Ordinal) + Row);

        var diagnostics = Analyze(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("await db.ExecuteUnsafeAsync(\"TRUNCATE TABLE states\");")]
    [InlineData("await db.ExecuteUnsafeAsync(local);")]
    [InlineData("await db.ExecuteUnsafeAsync(\"SELECT * FROM \" + Table);")]
    [InlineData("await db.ExecuteUnsafeAsync($\"SELECT * FROM {Table}\");")]
    [InlineData("await db.ExecuteUnsafeAsync(\"SELECT \" + nameof(Usage));")]
    [InlineData("await db.ExecuteAsync($\"DELETE FROM states WHERE name = {input} AND id = {id}\");")]
    [InlineData("await db.QueryAsync<Row1>($\"SELECT * FROM states WHERE name = {input}\");")]
    [InlineData("Own.Run(\"SELECT 1\");")]
    public void Constants_and_parameterized_sql_are_not_flagged(string body)
    {
        var source = Prelude.Replace("BODY", body, System.StringComparison.Ordinal) + Row;

        Assert.Empty(Analyze(source));
    }

    private const string Row = "\n[Row] public partial class Row1 { public int Id { get; set; } }\n";

    private static ImmutableArray<Diagnostic> Analyze(string source)
    {
        var output = GeneratorHarness.Run(source);
        var errors = output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);
        return output.Compilation
            .WithAnalyzers([new ConstantSqlAnalyzer()])
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter().GetResult();
    }
}
