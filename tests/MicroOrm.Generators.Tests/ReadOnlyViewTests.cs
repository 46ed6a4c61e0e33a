using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// The generated read-only view (<c>db.AsReadOnly()</c>) compiles for reads and refuses every write at compile time:
/// the write methods do not exist on it, so the compiler reports CS1061 at the call.
/// </summary>
public sealed class ReadOnlyViewTests
{
    private const string Model = """
        using System.Threading.Tasks;
        using MicroOrm;
        [Table] public partial class State { [Key] public int Id { get; set; } [MaxLength(64)] public string Name { get; set; } = ""; }
        [Database] public partial class Db { }
        public static class Use
        {
            public static async Task Run(Db db)
            {
                var view = db.AsReadOnly();
                BODY
            }
        }
        """;

    [Theory]
    [InlineData("await view.States.Where(s => s.Name == \"Texas\").OrderBy(s => s.Id).Skip(1).Take(2).ToListAsync();")]
    [InlineData("await view.States.FindAsync(1);")]
    [InlineData("await view.States.CountAsync(s => s.Id > 2);")]
    [InlineData("await view.States.Select(s => (s.Id, s.Name)).ToListAsync();")]
    [InlineData("await view.QueryAsync<State>($\"SELECT * FROM states WHERE id = {1}\");")]
    [InlineData("await using (var tx = await view.BeginTransactionAsync()) { await view.States.AnyAsync(); await tx.CommitAsync(); }")]
    [InlineData("await view.RunInTransactionAsync(async (tx, ct) => await view.States.ToListAsync(ct));")]
    public void Reads_through_the_view_compile(string body)
    {
        var output = GeneratorHarness.Run(Model.Replace("BODY", body));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems);
    }

    [Theory]
    [InlineData("await view.States.InsertAsync(new State());", "InsertAsync")]
    [InlineData("await view.States.InsertManyAsync(new[] { new State() });", "InsertManyAsync")]
    [InlineData("await view.States.InsertGraphAsync(new State());", "InsertGraphAsync")]
    [InlineData("await view.States.UpdateAsync(new State());", "UpdateAsync")]
    [InlineData("await view.States.UpsertAsync(new State());", "UpsertAsync")]
    [InlineData("await view.States.DeleteAsync(1);", "DeleteAsync")]
    [InlineData("await view.States.DeleteAllAsync();", "DeleteAllAsync")]
    [InlineData("await view.States.Where(s => s.Id == 1).UpdateAsync(u => u.Set(s => s.Name, \"x\"));", "UpdateAsync")]
    [InlineData("await view.States.Where(s => s.Id == 1).DeleteAsync();", "DeleteAsync")]
    [InlineData("await view.ExecuteAsync($\"DELETE FROM states\");", "ExecuteAsync")]
    [InlineData("await view.ExecuteUnsafeAsync(\"DELETE FROM states\");", "ExecuteUnsafeAsync")]
    [InlineData("await view.Schema.DropAsync();", "Schema")]
    public void A_write_through_the_view_does_not_compile(string body, string member)
    {
        var output = GeneratorHarness.Run(Model.Replace("BODY", body));

        Assert.Empty(output.Diagnostics);
        var error = Assert.Single(output.CompilationProblems);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains($"'{member}'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_writes_compile_on_the_database_itself()
    {
        var output = GeneratorHarness.Run(Model.Replace("var view = db.AsReadOnly();", "").Replace("BODY", """
            await db.States.InsertAsync(new State());
            await db.States.Where(s => s.Id == 1).DeleteAsync();
            await db.ExecuteAsync($"DELETE FROM states");
            """));

        Assert.Empty(output.CompilationProblems);
    }
}
