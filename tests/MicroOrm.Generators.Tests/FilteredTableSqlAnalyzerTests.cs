using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MicroOrm.Generators.Analyzers;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// MORM1002: raw SQL whose literal text names the table of an entity with a query filter is flagged at the SQL;
/// other tables, a value in a hole, and a longer name that merely contains the table's are not.
/// </summary>
public sealed class FilteredTableSqlAnalyzerTests
{
    /// <summary>The id these tests cover.</summary>
    public const string Id = "MORM1002";

    private const string Prelude = """
        using System;
        using System.Threading.Tasks;
        using MicroOrm;
        [Table] public partial class Project { [Key] public int Id { get; set; } [TenantKey] public int TenantId { get; set; } [MaxLength(50)] public string Name { get; set; } = ""; }
        [Table] public partial class Memo { [Key] public int Id { get; set; } [SoftDelete] public DateTime? DeletedAt { get; set; } }
        [Table] public partial class Plain { [Key] public int Id { get; set; } }
        [Row] public partial class Row1 { public int Id { get; set; } }
        public static class Own { public static void Run([ConstantSql] string sql) { } }
        public class Usage
        {
            public async Task M(DatabaseContext db, string input)
            {
                BODY
            }
        }
        """;

    [Theory]
    [InlineData("await db.QueryAsync<Row1>([|$\"SELECT id FROM projects WHERE name = {input}\"|]);", "projects", "tenant by tenant_id")]
    [InlineData("await db.ExecuteAsync([|$\"UPDATE `memos` SET deleted_at = NULL WHERE id = {1}\"|]);", "memos", "soft delete by deleted_at")]
    [InlineData("await db.ExecuteUnsafeAsync([|\"DELETE FROM Projects\"|]);", "projects", "tenant by tenant_id")]
    [InlineData("Own.Run([|\"SELECT COUNT(*) FROM plains JOIN memos ON memos.id = plains.id\"|]);", "memos", "soft delete")]
    public void Raw_sql_on_a_filtered_table_is_flagged_at_the_sql(string body, string table, string filter)
    {
        var (source, span) = GeneratorHarness.Marked(Prelude.Replace("BODY", body, System.StringComparison.Ordinal));

        var diagnostic = Assert.Single(Analyze(source));

        Assert.Equal((Id, DiagnosticSeverity.Warning, span), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.SourceSpan));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'" + table + "'", message, System.StringComparison.Ordinal);
        Assert.Contains(filter, message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("await db.QueryAsync<Row1>($\"SELECT id FROM plains WHERE id = {1}\");")]
    [InlineData("await db.QueryAsync<Row1>($\"SELECT id FROM plains WHERE name = {\"projects\"}\");")]
    [InlineData("await db.QueryAsync<Row1>($\"SELECT id FROM old_projects_archive WHERE projects_count = {1}\");")]
    [InlineData("await db.ExecuteUnsafeAsync(\"TRUNCATE TABLE plains\");")]
    public void Other_tables_and_values_are_not_flagged(string body)
    {
        Assert.Empty(Analyze(Prelude.Replace("BODY", body, System.StringComparison.Ordinal)));
    }

    private static ImmutableArray<Diagnostic> Analyze(string source)
    {
        var output = GeneratorHarness.Run(source);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return output.Compilation
            .WithAnalyzers([new FilteredTableSqlAnalyzer()])
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter().GetResult();
    }
}
