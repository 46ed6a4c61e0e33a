using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MicroOrm.Generators.Emitting;
using MicroOrm.Generators.Model;
using MicroOrm.Generators.Parsing;

namespace MicroOrm.Generators;

/// <summary>
/// The MicroOrm source generator. Each <c>[Table]</c> class becomes a model (parsing), then a file of code (emitting);
/// all entities together are validated and ordered for the <c>[Database]</c> classes. Models are plain equatable
/// values, so an edit that changes no model leaves every later step cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OrmGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var entityResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelSymbols.TableAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                EntityParser.Parse)
            .WithTrackingName(TrackingNames.EntityResults);

        context.RegisterSourceOutput(entityResults, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (result.Model is { } entity)
            {
                output.AddSource(HintName(entity.FullName), EntityEmitter.Emit(entity));
            }
        });

        var entities = entityResults
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Entities);

        var schema = entities
            .Collect()
            .Select(static (all, _) => SchemaValidator.Validate(all.OrderBy(e => e.FullName, System.StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Schema);

        context.RegisterSourceOutput(schema, static (output, validated) =>
        {
            foreach (var diagnostic in validated.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        var rows = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelSymbols.RowAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                RowParser.Parse)
            .WithTrackingName(TrackingNames.RowResults);

        context.RegisterSourceOutput(rows, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (result.Model is { } row)
            {
                output.AddSource(HintName(row.FullName), RowEmitter.Emit(row));
            }
        });

        var databases = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelSymbols.DatabaseAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                DatabaseParser.Parse)
            .WithTrackingName(TrackingNames.DatabaseResults);

        context.RegisterSourceOutput(databases.Combine(schema), static (output, pair) =>
        {
            var (result, validated) = pair;
            foreach (var diagnostic in result.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (result.Model is not { } database) return;
            var included = database.Entities.Count == 0
                ? validated.Ordered
                : validated.Ordered.Where(e => database.Entities.Contains(e.FullName)).ToEquatableArray();
            if (included.Count == 0)
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.NoEntities, database.Location, database.Name).ToDiagnostic());
            }

            output.AddSource(HintName(database.FullName), DatabaseEmitter.Emit(database, included));
        });
    }

    private static string HintName(string fullName) => fullName.Replace("global::", "") + ".g.cs";
}
