using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// One test per diagnostic id: a model with exactly that mistake must fail the build with that id, at the marked
/// (<c>[| |]</c>) location, and with no other diagnostic.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System; using System.Collections.Generic; using MicroOrm;\n";

    [Theory]
    [InlineData("MORM0001", "[Table] public class [|Plain|] { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0002", "[Table] public partial class [|Keyless|] { public string Name { get; set; } = \"\"; }")]
    [InlineData("MORM0003", "[Table] public partial class Bag { [Key] public int Id { get; set; } public Dictionary<string, int> [|Items|] { get; set; } = new(); }")]
    [InlineData("MORM0004", "[Table] public partial class Twice { [Key] public int Id { get; set; } [Column(\"name\")] public string Title { get; set; } = \"\"; public string [|Name|] { get; set; } = \"\"; }")]
    [InlineData("MORM0005", "public class Plain { } [Table] public partial class Ref { [Key] public int Id { get; set; } [ForeignKey(typeof(Plain))] public int [|PlainId|] { get; set; } }")]
    [InlineData("MORM0006", "[Table] public partial class Parent { [Key] public int Id { get; set; } [HasMany] public List<Child> [|Children|] { get; set; } = []; } [Table] public partial class Child { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0007", "[Table(\"things\")] public partial class A { [Key] public int Id { get; set; } } [Table(\"things\")] public partial class [|B|] { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0008", "[Table] public partial class Doc { [Key(AutoIncrement = true)] public Guid [|Id|] { get; set; } }")]
    [InlineData("MORM0009", "public partial class Outer { [Table] public partial class [|Inner|] { [Key] public int Id { get; set; } } }")]
    [InlineData("MORM0010", "[Table] public partial class [|Box|]<T> { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0011", "[Table] public abstract partial class [|Base|] { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0012", "[[|Table(\"bad`name\")|]] public partial class Odd { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0013", "[Table] public partial class [|Odd|] { public Odd(string unrelated) { } [Key] public int Id { get; set; } }")]
    [InlineData("MORM0014", "[Table] public partial class Req { [Key] public int Id { get; set; } [NotMapped] public required string [|Extra|] { get; set; } }")]
    [InlineData("MORM0015", "[Table] public partial class Fixed { [Key] public int Id { get; set; } [MaxLength(10)] public string [|Code|] { get; } = \"\"; }")]
    [InlineData("MORM0016", "[Table] public partial class Wrong { [Key] public int Id { get; set; } [MaxLength(10)] public int [|Count|] { get; set; } }")]
    [InlineData("MORM0017", "[Table] public partial class Money { [Key] public int Id { get; set; } [Precision(70, 2)] public decimal [|Amount|] { get; set; } }")]
    [InlineData("MORM0018", "[Table] public partial class Maybe { [Key] public int? [|Id|] { get; set; } }")]
    [InlineData("MORM0019", "[Table] public partial class Pair { [Key(Order = 0, AutoIncrement = true)] public int [|A|] { get; set; } [Key(Order = 1)] public int B { get; set; } }")]
    [InlineData("MORM0020", "[Table] public partial class State { [Key] public int Id { get; set; } } [Table] public partial class City { [Key] public int Id { get; set; } [ForeignKey(typeof(State))] public long [|StateId|] { get; set; } }")]
    [InlineData("MORM0021", "[Table] public partial class State { [Key] public int Id { get; set; } } [Table] public partial class City { [Key] public int Id { get; set; } [ForeignKey(typeof(State), OnDelete = ReferentialAction.SetNull)] public int [|StateId|] { get; set; } }")]
    [InlineData("MORM0022", "[[|Index(\"Nope\")|]] [Table] public partial class Indexed { [Key] public int Id { get; set; } }")]
    [InlineData("MORM0023", "[Table] public partial class Clash { [Key] public int Id { get; set; } public int [|Columns|] => 1; }")]
    [InlineData("MORM0024", "[Database] public class [|Db|] { }")]
    [InlineData("MORM0025", "[Table] public partial class [|Egg|] { [Key] public int Id { get; set; } [ForeignKey(typeof(Hen))] public int HenId { get; set; } } [Table] public partial class Hen { [Key] public int Id { get; set; } [ForeignKey(typeof(Egg))] public int EggId { get; set; } }")]
    [InlineData("MORM0026", "namespace One { [Table(\"my_items\")] public partial class Item { [Key] public int Id { get; set; } } } namespace Two { [Table(\"my__items\")] public partial class [|Item|] { [Key] public int Id { get; set; } } }")]
    [InlineData("MORM0027", "[Table] public partial class State { [Key] public int Id { get; set; } [HasMany] public City [|Cities|] { get; set; } = null!; } [Table] public partial class City { [Key] public int Id { get; set; } [ForeignKey(typeof(State))] public int StateId { get; set; } }")]
    [InlineData("MORM0028", "[Flags] public enum Perms { Read = 1, Write = 2 } [Table] public partial class Grant { [Key] public int Id { get; set; } [StoreAsString] public Perms [|Perms|] { get; set; } }")]
    [InlineData("MORM0029", "[Table] public partial class Pair { [Key(Order = 0)] public int A { get; set; } [Key(Order = 1)] public int B { get; set; } } [Table] public partial class Ref { [Key] public int Id { get; set; } [ForeignKey(typeof(Pair))] public int [|PairId|] { get; set; } }")]
    [InlineData("MORM0030", "[Database] public partial class [|Empty|] { }")]
    [InlineData("MORM0031", "[Table] public partial class Person { [Key] public int Id { get; set; } [HasOne] public Profile? [|Profile|] { get; set; } } [Table] public partial class Profile { [Key] public int Id { get; set; } [ForeignKey(typeof(Person))] public int PersonId { get; set; } }")]
    [InlineData("MORM0033", "[Table] public partial class Code { [Key] public int Id { get; set; } [Pattern(\"[a-z\")] public string [|Value|] { get; set; } = \"\"; }")]
    [InlineData("MORM0034", "[Table] public partial class Doc { [Key] public int Id { get; set; } [ConcurrencyToken] public int Version { get; set; } [ConcurrencyToken] public long [|Revision|] { get; set; } }")]
    [InlineData("MORM0038", "public readonly record struct Cents(long Value); public sealed class CentsConverter : IValueConverter<Cents, long> { public static long ToColumn(Cents value) => value.Value; public static Cents FromColumn(long column) => new(column); } [Table] public partial class Price { [Key] public int Id { get; set; } [Converter(typeof(CentsConverter))] public decimal [|Amount|] { get; set; } }")]
    [InlineData("MORM0038", "public sealed class NotAConverter { } [Table] public partial class Price { [Key] public int Id { get; set; } [Converter(typeof(NotAConverter))] public decimal [|Amount|] { get; set; } }")]
    [InlineData("MORM0016", "public readonly record struct Cents(long Value); public sealed class CentsConverter : IValueConverter<Cents, long> { public static long ToColumn(Cents value) => value.Value; public static Cents FromColumn(long column) => new(column); } [Table] public partial class Price { [Key] public int Id { get; set; } [Converter(typeof(CentsConverter)), Range(0, 10)] public Cents [|Amount|] { get; set; } }")]
    [InlineData("MORM0039", "public sealed record Prefs(string Theme); [System.Text.Json.Serialization.JsonSerializable(typeof(string))] internal partial class Ctx : System.Text.Json.Serialization.JsonSerializerContext { } [Table] public partial class Holder { [Key] public int Id { get; set; } [Json(typeof(Ctx))] public Prefs [|Settings|] { get; set; } = new(\"a\"); }")]
    [InlineData("MORM0039", "public sealed record Prefs(string Theme); public sealed class NotAContext { } [Table] public partial class Holder { [Key] public int Id { get; set; } [Json(typeof(NotAContext))] public Prefs [|Settings|] { get; set; } = new(\"a\"); }")]
    [InlineData("MORM0040", "[Table] public partial class Doc { [Key] public int Id { get; set; } [SoftDelete] public bool Gone { get; set; } [SoftDelete] public bool [|Removed|] { get; set; } }")]
    [InlineData("MORM0040", "[Table] public partial class Doc { [Key] public int Id { get; set; } [TenantKey] public int Owner { get; set; } [TenantKey] public int [|Tenant|] { get; set; } }")]
    [InlineData("MORM0041", "[Table] public partial class A { [Key] public int Id { get; set; } [TenantKey] public int Tenant { get; set; } } [Table] public partial class B { [Key] public int Id { get; set; } [TenantKey, MaxLength(20)] public string Tenant { get; set; } = \"\"; } [Database] public partial class [|Db|] { }")]
    [InlineData("MORM0016", "[Table] public partial class Doc { [Key] public int Id { get; set; } [SoftDelete] public int [|Gone|] { get; set; } }")]
    [InlineData("MORM0016", "[Table] public partial class Doc { [Key] public int Id { get; set; } [SoftDelete] public System.DateTime [|DeletedAt|] { get; set; } }")]
    [InlineData("MORM0016", "[Table] public partial class Doc { [Key] public int Id { get; set; } [TenantKey] public int? [|Tenant|] { get; set; } }")]
    [InlineData("MORM0016", "[Table] public partial class Doc { [Key, TenantKey] public int [|Id|] { get; set; } }")]
    [InlineData("MORM0042", "[Table, TrackChanges] public partial class Doc { [Key] public int Id { get; set; } public partial string Title { get; set; } public string [|Body|] { get; set; } = \"\"; }")]
    [InlineData("MORM0042", "[Table, TrackChanges] public partial class Doc { [Key] public int Id { get; set; } public partial string [|Title|] { get; } }")]
    [InlineData("MORM0032", "public class Plain { } [Table] public partial class Thing { [Key] public int Id { get; set; } } [[|Database(typeof(Thing), typeof(Plain))|]] public partial class Db { }")]
    public void A_model_with_one_mistake_reports_its_id_at_the_mistake(string id, string markedSource)
    {
        var (source, span) = GeneratorHarness.Marked(Usings + markedSource);

        var output = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_descriptor_has_a_test_and_a_row_in_the_release_notes()
    {
        var ids = typeof(MicroOrm.Generators.OrmGenerator).Assembly.GetType("MicroOrm.Generators.Diagnostics.DiagnosticDescriptors")!
            .GetFields()
            .Select(f => ((Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();
        var tested = typeof(DiagnosticTests).GetMethod(nameof(A_model_with_one_mistake_reports_its_id_at_the_mistake))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.Data[0]!)
            .Append(ConstantSqlAnalyzerTests.Id)
            .Append(FilteredTableSqlAnalyzerTests.Id)
            .Append(ChangeTrackingGeneratorTests.TooManyColumnsId)
            .Append(NullOverloadTests.Id)
            .Concat(MigrationFileTests.Ids)
            .Concat(ModelSnapshotTests.Ids)
            .ToHashSet();
        var releases = System.IO.File.ReadAllText(System.IO.Path.Combine(MicroOrm.Testing.RepositoryPaths.Root, "generators/MicroOrm.Generators/Diagnostics/AnalyzerReleases.Unshipped.md"));
        var documentation = System.IO.File.ReadAllText(System.IO.Path.Combine(MicroOrm.Testing.RepositoryPaths.Root, "docs/diagnostics.md"));

        foreach (var id in ids)
        {
            Assert.Contains(id, tested);
            Assert.Contains(id, releases, System.StringComparison.Ordinal);
            Assert.Contains("## " + id, documentation, System.StringComparison.Ordinal);
        }
    }
}
