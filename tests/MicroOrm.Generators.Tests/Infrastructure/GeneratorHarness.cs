using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using MicroOrm.Generators;

namespace MicroOrm.Generators.Tests.Infrastructure;

/// <summary>Runs the generator over source text in memory, the way the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var extra = new[] { typeof(MicroOrm.TableAttribute).Assembly.Location, typeof(MySqlConnector.MySqlConnection).Assembly.Location };
        return platform.Concat(extra).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Models",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Model{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalFiles) =>
        CSharpGeneratorDriver.Create(
            [new OrmGenerator().AsSourceGenerator()],
            additionalTexts: additionalFiles,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; the result carries its sources, its diagnostics and the compilation with them added.</summary>
    public static GeneratorOutput Run(params string[] sources) => Run(sources, []);

    /// <summary>Runs the generator with additional files (migration files), as a project's <c>AdditionalFiles</c> give them.</summary>
    public static GeneratorOutput Run(string[] sources, AdditionalText[] additionalFiles)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver(additionalFiles).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();
        var exception = result.Results.Single().Exception;
        if (exception is not null) throw new InvalidOperationException("The generator threw: " + exception, exception);
        return new GeneratorOutput(result, output);
    }

    /// <summary>
    /// Source with <c>[|...|]</c> around the span a diagnostic must point at: returns the source without the markers
    /// and the marked span.
    /// </summary>
    public static (string Source, TextSpan Span) Marked(string markedSource)
    {
        var start = markedSource.IndexOf("[|", StringComparison.Ordinal);
        var end = markedSource.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("Mark the expected span with [| and |].");
        var source = markedSource.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class TextFile(string path, string text) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
}

internal sealed record GeneratorOutput(GeneratorDriverRunResult Result, Compilation Compilation)
{
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    /// <summary>
    /// Errors and warnings of the compilation that includes the generated code, after the SDK's System.Text.Json
    /// generator has also run (as it does in a build): a JSON column's context is a partial class it completes.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationProblems
    {
        get
        {
            CSharpGeneratorDriver.Create([.. JsonGenerators.Value], parseOptions: GeneratorHarness.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(Compilation, out var withJson, out _);
            return withJson.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        }
    }

    /// <summary>The System.Text.Json source generator of the SDK's reference pack for the running framework.</summary>
    private static readonly Lazy<ISourceGenerator[]> JsonGenerators = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // <root>/shared/Microsoft.NETCore.App/<version>
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var version = Path.GetFileName(runtime);
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var folder = Directory.Exists(Path.Combine(packs, version)) ? Path.Combine(packs, version) : Directory.GetDirectories(packs).OrderBy(d => d, StringComparer.Ordinal).Last();
        var file = Path.Combine(folder, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        return new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(file, new JsonGeneratorLoader()).GetGenerators(LanguageNames.CSharp).ToArray();
    });

    private sealed class JsonGeneratorLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
