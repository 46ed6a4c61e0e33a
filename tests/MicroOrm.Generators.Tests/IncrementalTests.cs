using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// The generator must stay out of the IDE's way: after an edit that changes no model, every one of its steps must
/// report Cached or Unchanged, so nothing is parsed again and no file is written again.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = ["EntityResults", "Entities", "Schema", "DatabaseResults"];

    [Fact]
    public void An_edit_outside_the_models_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile([.. SnapshotTests.ModelSources("Reference"), "namespace Other; public static class Helper { public static int Value() => 1; }"]);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

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
    }

    [Fact]
    public void Editing_a_model_regenerates_that_model()
    {
        var sources = SnapshotTests.ModelSources("Reference");
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var stateTree = compilation.SyntaxTrees.First(t => t.ToString().Contains("partial class State", System.StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(stateTree, CSharpSyntaxTree.ParseText(
            stateTree.ToString().Replace("[MaxLength(128)]", "[MaxLength(100)]", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, stateTree.FilePath));
        driver = driver.RunGenerators(edited);

        var entities = driver.GetRunResult().Results.Single().TrackedSteps["Entities"];
        Assert.Contains(entities.SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var state = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".State.g.cs", System.StringComparison.Ordinal));
        Assert.Contains("VARCHAR(100)", state.SourceText.ToString(), System.StringComparison.Ordinal);
    }
}
