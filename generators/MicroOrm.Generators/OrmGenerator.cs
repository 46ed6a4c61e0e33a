using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MicroOrm.Generators.Emitting;
using MicroOrm.Generators.Model;
using MicroOrm.Generators.Parsing;

namespace MicroOrm.Generators;

/// <summary>
/// The MicroOrm source generator. Each <c>[Table]</c> class becomes a model (parsing), then a file of code (emitting);
/// all entities together are validated and ordered for the <c>[Database]</c> classes.
/// </summary>
/// <remarks>
/// Each parse result is split at once into two paths. The code path carries only models, plain equatable values with
/// no source location and no symbol, so an edit that changes no model (even one that moves a class down a line)
/// leaves every file cached. The diagnostics path carries the locations; it is reported through outputs of its own,
/// which alone run again when a class moves.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class OrmGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var known = context.CompilationProvider
            .Select(static (compilation, _) => new KnownSymbols(compilation))
            .WithTrackingName(TrackingNames.KnownSymbols);

        var entityResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.TableAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributed, _) => attributed)
            .Combine(known)
            .Select(static (pair, cancellationToken) => EntityParser.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.EntityResults);

        var entities = entityResults
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Entities);

        context.RegisterSourceOutput(entities, static (output, entity) =>
            output.AddSource(HintName(entity.FullName), EntityEmitter.Emit(entity)));

        ReportDiagnostics(context, entityResults
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.EntityDiagnostics));

        var schema = entities
            .Collect()
            .Select(static (all, _) => SchemaValidator.Order(all))
            .WithTrackingName(TrackingNames.Schema);

        ReportDiagnostics(context, entityResults
            .Collect()
            .Select(static (all, _) => SchemaValidator.Validate(all))
            .WithTrackingName(TrackingNames.SchemaDiagnostics));

        var rowResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.RowAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                static (attributed, _) => attributed)
            .Combine(known)
            .Select(static (pair, cancellationToken) => RowParser.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.RowResults);

        var rows = rowResults
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Rows);

        context.RegisterSourceOutput(rows, static (output, row) =>
            output.AddSource(HintName(row.FullName), RowEmitter.Emit(row)));

        ReportDiagnostics(context, rowResults
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.RowDiagnostics));

        var converters = entities.Collect()
            .Combine(rows.Collect())
            .Combine(known)
            .Select(static (all, _) =>
            {
                var ((entityModels, rowModels), symbols) = all;
                return entityModels.SelectMany(e => e.Columns).Concat(rowModels.SelectMany(r => r.Columns))
                    .Select(c => c.Converter).Where(c => c is { JsonContext: null }).Select(c => c!)
                    .Concat(symbols.AssemblyConverters)
                    .Distinct()
                    .OrderBy(c => c.ConverterType, System.StringComparer.Ordinal)
                    .ToEquatableArray();
            })
            .WithTrackingName(TrackingNames.Converters);

        context.RegisterSourceOutput(converters, static (output, all) =>
        {
            if (all.Count > 0) output.AddSource("MicroOrm.ConverterRegistration.g.cs", ConverterEmitter.Registration(all));
        });

        var databaseResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.DatabaseAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributed, _) => attributed)
            .Combine(known)
            .Select(static (pair, cancellationToken) => DatabaseParser.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.DatabaseResults);

        var databases = databaseResults
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Databases);

        var migrationResults = context.AdditionalTextsProvider
            .Select(static (file, cancellationToken) => MigrationFileParser.Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.MigrationFileResults);

        ReportDiagnostics(context, migrationResults
            .Select(static (result, _) => result.Diagnostic is { } diagnostic ? new EquatableArray<DiagnosticInfo>(new[] { diagnostic }) : EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.MigrationFileDiagnostics));

        var migrationFiles = migrationResults
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(f => f.Database, System.StringComparer.Ordinal).ThenBy(f => f.Version).ToEquatableArray())
            .WithTrackingName(TrackingNames.MigrationFiles);

        ReportDiagnostics(context, migrationFiles
            .Select(static (files, _) => MigrationFileParser.Duplicates(files))
            .WithTrackingName(TrackingNames.MigrationVersionDiagnostics));

        var snapshotFiles = context.AdditionalTextsProvider
            .Select(static (file, cancellationToken) => ModelSnapshotCheck.Read(file, cancellationToken))
            .Where(static snapshot => snapshot is not null)
            .Select(static (snapshot, _) => snapshot!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.SnapshotFiles);

        ReportDiagnostics(context, databaseResults
            .Combine(schema)
            .Combine(snapshotFiles)
            .Select(static (triple, _) =>
            {
                var ((result, ordered), snapshots) = triple;
                return result.Model is { } database ? ModelSnapshotCheck.Check(database, result.Location, Included(database, ordered), snapshots) : EquatableArray<DiagnosticInfo>.Empty;
            })
            .WithTrackingName(TrackingNames.SnapshotDiagnostics));

        var databaseCode = databases
            .Combine(schema)
            .Combine(migrationFiles)
            .WithTrackingName(TrackingNames.DatabaseCode);

        context.RegisterSourceOutput(databaseCode, static (output, pair) =>
        {
            var ((database, ordered), files) = pair;
            var own = files.Where(f => f.Database == database.Name).ToEquatableArray();
            output.AddSource(HintName(database.FullName), DatabaseEmitter.Emit(database, Included(database, ordered), own));
        });

        ReportDiagnostics(context, databaseResults
            .Combine(schema)
            .Select(static (pair, _) =>
            {
                var (result, ordered) = pair;
                if (result.Model is not { } database) return result.Diagnostics;
                var included = Included(database, ordered);
                if (included.Count == 0) return result.Diagnostics.Append(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.NoEntities, result.Location, database.Name)).ToEquatableArray();
                return result.Diagnostics.Concat(DatabaseParser.CheckTenantKeys(database, result.Location, included)).ToEquatableArray();
            })
            .WithTrackingName(TrackingNames.DatabaseDiagnostics));
    }

    /// <summary>The entities a database holds: those it lists, or every entity when it lists none; in creation order.</summary>
    private static EquatableArray<EntityModel> Included(DatabaseModel database, EquatableArray<EntityModel> ordered) =>
        database.Entities.Count == 0
            ? ordered
            : ordered.Where(e => database.Entities.Contains(e.FullName)).ToEquatableArray();

    private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics) =>
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

    private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics) =>
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

    private static string HintName(string fullName) => fullName.Replace("global::", "") + ".g.cs";
}
