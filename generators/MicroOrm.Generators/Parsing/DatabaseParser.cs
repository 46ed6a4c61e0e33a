using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>Turns a <c>[Database]</c> class into a <see cref="DatabaseModel"/>.</summary>
internal static class DatabaseParser
{
    public static ParseResult<DatabaseModel> Parse(GeneratorAttributeSyntaxContext context, KnownSymbols known, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var location = LocationInfo.From(syntax.Identifier.GetLocation());
        var diagnostics = new List<DiagnosticInfo>();

        void Report(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDatabaseClass, location, type.Name, reason));

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword)) Report("must be declared 'partial'; add the 'partial' modifier");
        if (type.ContainingType is not null) Report("is nested in another type; declare it at namespace level");
        if (type.IsGenericType) Report("is generic; a database class must not have type parameters");
        if (type.IsStatic || type.IsAbstract) Report("is static or abstract; it must be a concrete class");
        if (syntax is RecordDeclarationSyntax) Report("is a record; declare it as a class");
        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && !SymbolEqualityComparer.Default.Equals(baseType, known.DatabaseContext))
        {
            Report($"derives from '{baseType.ToDisplayString()}'; remove the base class, MicroOrm supplies it");
        }

        var entities = new List<string>();
        var attribute = context.Attributes[0];
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array)
        {
            foreach (var listed in attribute.ConstructorArguments[0].Values)
            {
                if (listed.Value is not INamedTypeSymbol entity) continue;
                if (!ModelSymbols.IsEntity(entity, known))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DatabaseListsNonEntity, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()), type.Name, entity.ToDisplayString()));
                    continue;
                }

                entities.Add(entity.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (diagnostics.Count > 0) return new ParseResult<DatabaseModel>(null, location, diagnostics.ToEquatableArray());
        var model = new DatabaseModel(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            entities.ToEquatableArray());
        return new ParseResult<DatabaseModel>(model, location, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// MORM0041 when the database's entities have tenant keys of different types: a database object serves one
    /// tenant, and <c>ForTenant</c> takes one type.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> CheckTenantKeys(DatabaseModel database, LocationInfo? location, EquatableArray<EntityModel> entities)
    {
        (EntityModel Entity, ColumnModel Key)? first = null;
        foreach (var entity in entities)
        {
            foreach (var column in entity.Columns)
            {
                if (!column.IsTenantKey) continue;
                if (first is not { } known)
                {
                    first = (entity, column);
                }
                else if (known.Key.PropertyType != column.PropertyType)
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.MixedTenantKeys, location, entity.Name, column.PropertyType, known.Entity.Name, database.Name, known.Key.PropertyType);
                }
            }
        }
    }
}
