using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// The generator must stay out of the IDE's way: after an edit that changes no model, every one of its steps must
/// report Cached or Unchanged, so nothing is parsed again and no file is written again. The one exception is an edit
/// that moves a model: the steps that carry source locations (for diagnostics) see the move, and the code steps and
/// the outputs that write files must still not.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = ["EntityResults", "Entities", "Schema", "DatabaseResults"];

    /// <summary>Steps that hold only location-free models, or what the code outputs read.</summary>
    private static readonly string[] CodeSteps = ["KnownSymbols", "Entities", "Rows", "Schema", "Databases", "MigrationFiles", "SnapshotFiles", "Converters", "DatabaseCode"];

    /// <summary>Steps that hold source locations: the parse results, and the diagnostics taken from them.</summary>
    private static readonly string[] LocatedSteps =
        ["EntityResults", "RowResults", "DatabaseResults", "MigrationFileResults", "EntityDiagnostics", "RowDiagnostics", "SchemaDiagnostics", "DatabaseDiagnostics",
         "MigrationFileDiagnostics", "MigrationVersionDiagnostics", "SnapshotDiagnostics"];

    /// <summary>A migration file of the reference database, so that the additional-file path has work to do too.</summary>
    private static readonly TextFile Migration = new("/project/Migrations/AppDb/0001_Initial.sql", "-- step 1: Create table `x`\nCREATE TABLE `x` (`id` INT NOT NULL PRIMARY KEY);\n");

    /// <summary>
    /// The reference database's snapshot, equal to its model with the extra models (taken from a first run), so that
    /// the snapshot comparison has work to do and reports nothing.
    /// </summary>
    private static readonly System.Lazy<TextFile> Snapshot = new(() =>
    {
        var output = GeneratorHarness.Run([.. SnapshotTests.ModelSources("Reference"), ExtraModels]);
        var text = (string)output.Compilation.GetTypeByMetadataName("MicroOrm.ReferenceModels.AppDb")!.GetMembers("ModelSnapshot").OfType<IFieldSymbol>().Single().ConstantValue!;
        return new TextFile("/project/Migrations/AppDb/model.snapshot", text);
    });

    /// <summary>The steps the source outputs that write files read; every other output only reports diagnostics.</summary>
    private static readonly string[] CodeOutputInputs = ["Entities", "Rows", "Converters", "DatabaseCode"];

    /// <summary>A row type and an entity with a method, beside the reference models, so that every path has work to do.</summary>
    private const string ExtraModels = """
        using MicroOrm;

        namespace Extra;

        [Row]
        public partial record StateCount(string Name, long Cities);

        [Table]
        public partial class Note
        {
            [Key]
            public int Id { get; set; }

            public string Text { get; set; } = "";

            public string Shout() => Text.ToUpperInvariant();
        }
        """;

    [Fact]
    public void An_edit_outside_the_models_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile([.. SnapshotTests.ModelSources("Reference"), ExtraModels, "namespace Other; public static class Helper { public static int Value() => 1; }"]);
        var driver = GeneratorHarness.CreateDriver(Migration, Snapshot.Value).RunGenerators(compilation);

        var helper = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(helper, CSharpSyntaxTree.ParseText(
            "namespace Other; public static class Helper { public static int Value() => 2; public static string Name => \"x\"; }",
            GeneratorHarness.ParseOptions, helper.FilePath));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} ran again: {reason}");
                }
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(run => run.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output was produced again: {output.Reason}");
        }

        AssertCachedOrUnchanged(result, [.. CodeSteps, .. LocatedSteps]);
        AssertOutputsCachedOrUnchanged(result, codeOnly: false);
    }

    /// <summary>
    /// A blank line above a model moves the class and everything in it. The diagnostics path carries locations, so
    /// its parse result legitimately changes (and is asserted to, or the edit would prove nothing); the code path
    /// holds no location, so every code step and every output that writes a file must be Cached or Unchanged. The
    /// outputs that report diagnostics may run again, which costs no file.
    /// </summary>
    [Fact]
    public void A_blank_line_above_a_model_leaves_its_code_cached()
    {
        var (driver, compilation) = RunOnce();
        var stateTree = compilation.SyntaxTrees.First(t => t.ToString().Contains("partial class State", System.StringComparison.Ordinal));
        var text = stateTree.ToString();
        var edited = compilation.ReplaceSyntaxTree(stateTree, CSharpSyntaxTree.ParseText(
            text.Insert(text.IndexOf("/// <summary>A state", System.StringComparison.Ordinal), "\n"), GeneratorHarness.ParseOptions, stateTree.FilePath));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps["EntityResults"].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertTracked(result, LocatedSteps);
        AssertCachedOrUnchanged(result, CodeSteps);
        AssertOutputsCachedOrUnchanged(result, codeOnly: true);
    }

    /// <summary>A method body is no part of any model: nothing moves before it, so every step and every output stays.</summary>
    [Fact]
    public void Changing_a_method_body_inside_a_model_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = RunOnce();
        var noteTree = compilation.SyntaxTrees.First(t => t.ToString().Contains("partial class Note", System.StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(noteTree, CSharpSyntaxTree.ParseText(
            noteTree.ToString().Replace("=> Text.ToUpperInvariant();", "=> Text.Trim().ToUpperInvariant() + \"!\";", System.StringComparison.Ordinal),
            GeneratorHarness.ParseOptions, noteTree.FilePath));
        Assert.NotEqual(noteTree.ToString(), edited.SyntaxTrees.Single(t => t.FilePath == noteTree.FilePath).ToString());
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        AssertCachedOrUnchanged(result, [.. CodeSteps, .. LocatedSteps]);
        AssertOutputsCachedOrUnchanged(result, codeOnly: false);
    }

    [Fact]
    public void Every_step_the_generator_names_is_either_a_code_step_or_a_located_step()
    {
        var named = typeof(OrmGenerator).Assembly.GetType("MicroOrm.Generators.TrackingNames")!
            .GetFields()
            .Select(f => (string)f.GetValue(null)!)
            .OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(CodeSteps.Concat(LocatedSteps).OrderBy(n => n, System.StringComparer.Ordinal), named);
        Assert.Empty(CodeSteps.Intersect(LocatedSteps));
    }

    [Fact]
    public void Editing_a_model_regenerates_that_model()
    {
        var sources = SnapshotTests.ModelSources("Reference");
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver(Migration, Snapshot.Value).RunGenerators(compilation);

        var stateTree = compilation.SyntaxTrees.First(t => t.ToString().Contains("partial class State", System.StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(stateTree, CSharpSyntaxTree.ParseText(
            stateTree.ToString().Replace("[MaxLength(128)]", "[MaxLength(100)]", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, stateTree.FilePath));
        driver = driver.RunGenerators(edited);

        var entities = driver.GetRunResult().Results.Single().TrackedSteps["Entities"];
        Assert.Contains(entities.SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var state = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".State.g.cs", System.StringComparison.Ordinal));
        Assert.Contains("VARCHAR(100)", state.SourceText.ToString(), System.StringComparison.Ordinal);
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.Compile([.. SnapshotTests.ModelSources("Reference"), ExtraModels]);
        var driver = GeneratorHarness.CreateDriver(Migration, Snapshot.Value).RunGenerators(compilation);
        var first = driver.GetRunResult();
        Assert.Empty(first.Diagnostics);
        Assert.Contains(first.Results.Single().GeneratedSources, s => s.HintName == "Extra.StateCount.g.cs");
        return (driver, compilation);
    }

    private static void AssertTracked(GeneratorRunResult result, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
        }
    }

    private static void AssertCachedOrUnchanged(GeneratorRunResult result, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (var (_, reason) in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} ran again: {reason}");
            }
        }
    }

    /// <summary>
    /// Checks the source outputs, told apart by the step each reads: those reading <see cref="CodeOutputInputs"/>
    /// write files; the rest report diagnostics. Each kind of code output must be present, or the check is empty.
    /// </summary>
    private static void AssertOutputsCachedOrUnchanged(GeneratorRunResult result, bool codeOnly)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).ToList();
        foreach (var input in CodeOutputInputs)
        {
            Assert.True(outputs.Any(run => InputOf(run) == input), $"no source output reads the step {input}");
        }

        foreach (var run in outputs.Where(run => !codeOnly || CodeOutputInputs.Contains(InputOf(run))))
        {
            foreach (var (_, reason) in run.Outputs)
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the output of {InputOf(run)} was produced again: {reason}");
            }
        }
    }

    private static string? InputOf(IncrementalGeneratorRunStep output) => output.Inputs.Single().Source.Name;
}
