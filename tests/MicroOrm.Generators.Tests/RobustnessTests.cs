using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// Code in the middle of being typed must never crash the generator: it either reports diagnostics or generates
/// nothing for what it cannot understand. (The harness fails the test if the generator throws.)
/// </summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } public strin Name { get; set; } }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } public string Name { get; ")]
    [InlineData("[Table(] public partial class Half { [Key] public int Id { get; set; } }")]
    [InlineData("[Table(42)] public partial class Half { [Key] public int Id { get; set; } }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } [ForeignKey(typeof(Missing))] public int MissingId { get; set; } }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } [ForeignKey] public int OtherId { get; set; } }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } [MaxLength] public string Name { get; set; } = \"\"; }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } [Precision(1)] public decimal Amount { get; set; } }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } [HasMany] public List<> Items { get; set; } }")]
    [InlineData("[Table] public partial class Half : Missing { [Key] public int Id { get; set; } }")]
    [InlineData("[Table] public partial class Half { [Key] public int Id { get; set; } [Index(\"Id\", null)] public int X { get; set; } }")]
    [InlineData("[Database] public partial class Db : Missing { }")]
    [InlineData("[Table] public partial class")]
    [InlineData("[Table] partial record struct Half(int Id);")]
    public void Half_typed_models_produce_diagnostics_or_nothing_but_never_crash(string source)
    {
        var output = GeneratorHarness.Run("using System; using System.Collections.Generic; using MicroOrm;\n" + source);

        Assert.NotNull(output.Result);
    }
}
