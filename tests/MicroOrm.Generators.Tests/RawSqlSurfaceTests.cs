using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MicroOrm.Generators.Analyzers;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// The raw-SQL surface as a consumer compiles against it (the MicroOrm assembly by reference, as a package gives it):
/// no public API turns text into SQL unless its name says so. A statement cannot be made by hand or placed in a hole,
/// and the one door for text, Sql.Unsafe, is checked by MORM1001.
/// </summary>
public sealed class RawSqlSurfaceTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using MicroOrm;
        public class Consumer
        {
            public async Task M(DatabaseContext db, string userInput)
            {
                BODY
            }
        }
        """;

    [Fact]
    public void A_statement_cannot_be_made_from_text_by_a_consumer()
    {
        var errors = Errors("var statement = new SqlStatement(userInput, new object?[0]);");

        Assert.Contains(errors, e => e.Id is "CS0122" or "CS1729");
    }

    [Fact]
    public void A_statement_in_a_raw_sql_hole_does_not_compile()
    {
        var errors = Errors("var statement = db.States().ToSql(); await db.ExecuteAsync($\"DELETE FROM states WHERE {statement}\");", withTable: true);

        var error = Assert.Single(errors);
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("Sql.Format", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_in_a_fragment_hole_does_not_compile()
    {
        var errors = Errors("var statement = db.States().ToSql(); var fragment = Sql.Format($\"id IN ({statement})\");", withTable: true);

        Assert.Equal("CS0619", Assert.Single(errors).Id);
    }

    [Fact]
    public void Sql_Unsafe_with_a_non_constant_argument_is_MORM1001()
    {
        var (source, span) = GeneratorHarness.Marked(Prelude.Replace("BODY", "await db.ExecuteAsync($\"SELECT * FROM states WHERE {Sql.Unsafe([|userInput|])}\");", System.StringComparison.Ordinal));

        var diagnostic = Assert.Single(Analyze(source));

        Assert.Equal(ConstantSqlAnalyzerTests.Id, diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Sql_Unsafe_with_a_constant_and_Sql_Format_with_values_are_not_flagged()
    {
        var source = Prelude.Replace(
            "BODY",
            "const string order = \"ORDER BY id\"; await db.ExecuteAsync($\"SELECT * FROM states WHERE {Sql.Format($\"name = {userInput}\")} {Sql.Unsafe(order)}\");",
            System.StringComparison.Ordinal);

        Assert.Empty(Analyze(source));
    }

    private static Diagnostic[] Errors(string body, bool withTable = false)
    {
        var source = Prelude.Replace("BODY", body, System.StringComparison.Ordinal) + (withTable ? Model : "");
        return GeneratorHarness.Run(source).Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
    }

    private static Diagnostic[] Analyze(string source)
    {
        var output = GeneratorHarness.Run(source);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return [.. output.Compilation.WithAnalyzers([new ConstantSqlAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()];
    }

    // A table to take a statement from (ToSql), reached through an extension so the consumer needs no database class.
    private const string Model = """

        [Table("states")] public partial class StateRow { [Key] public int Id { get; set; } public string Name { get; set; } = ""; }
        [Database(typeof(StateRow))] public partial class ConsumerDb { }
        public static class Tables { public static MicroOrm.Table<StateRow, StateRow.Columns, int> States(this DatabaseContext db) => ((ConsumerDb)db).States; }
        """;
}
