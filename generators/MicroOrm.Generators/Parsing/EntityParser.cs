using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>Turns a <c>[Table]</c> class into an <see cref="EntityModel"/>, or into diagnostics that say what is wrong.</summary>
internal static class EntityParser
{
    /// <summary>Names the generator declares inside every mapped class.</summary>
    private static readonly string[] ReservedNames = { "Columns", "MicroOrmMap", "MicroOrmRowReader" };

    public static ParseResult<EntityModel> Parse(GeneratorAttributeSyntaxContext context, KnownSymbols known, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        var typeLocation = LocationInfo.From(syntax.Identifier.GetLocation());

        if (!CheckClassShape(type, syntax, typeLocation, diagnostics))
        {
            return new ParseResult<EntityModel>(null, typeLocation, diagnostics.ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tableName = ModelSymbols.TableName(type, known);
        var tableAttribute = ModelSymbols.GetAttribute(type, known.Table);
        var tableLocation = LocationInfo.From(tableAttribute?.ApplicationSyntaxReference?.GetSyntax()) ?? typeLocation;
        CheckIdentifier(tableName, "the table of " + type.Name, tableLocation, diagnostics);
        var previousTable = tableAttribute is null ? null : ModelSymbols.NamedArgument<string>(tableAttribute, "Was");
        if (previousTable is not null) CheckIdentifier(previousTable, "the previous table of " + type.Name, tableLocation, diagnostics);

        foreach (var member in type.GetMembers())
        {
            if (Array.IndexOf(ReservedNames, member.Name) >= 0 && !member.IsImplicitlyDeclared)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, LocationInfo.From(member), type.Name, member.Name));
            }
        }

        var candidates = ModelSymbols.InstanceProperties(type)
            .Where(p => !ModelSymbols.HasAttribute(p, known.NotMapped) && !ModelSymbols.IsNavigation(p, known))
            .ToList();
        var constructor = ChooseConstructor(type, candidates);
        if (constructor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoUsableConstructor, typeLocation, type.Name));
        }

        var constructorProperties = constructor?.Parameters
            .Select(parameter => candidates.First(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList() ?? new List<IPropertySymbol>();

        var mapped = new List<IPropertySymbol>();
        foreach (var property in candidates)
        {
            var inConstructor = constructorProperties.Contains(property, SymbolEqualityComparer.Default);
            if (inConstructor || ModelSymbols.IsSettable(property, type))
            {
                mapped.Add(property);
            }
            else if (ModelSymbols.HasColumnConfiguration(property, known))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PropertyCannotBeSet, LocationInfo.From(property), type.Name, property.Name));
            }
        }

        CheckRequiredMembers(known, type, constructor, mapped, diagnostics);

        var keys = ModelSymbols.KeyProperties(type, known).Where(k => mapped.Contains(k, SymbolEqualityComparer.Default)).ToList();
        if (keys.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EntityHasNoKey, typeLocation, type.Name));
        }

        var columns = new List<ColumnModel>();
        var byColumnName = new Dictionary<string, IPropertySymbol>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in mapped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var keyOrder = keys.IndexOf(property);
            var column = ColumnParser.Parse(known, type, tableName, property, columns.Count, keyOrder, keys.Count, diagnostics);
            if (column is null) continue;
            if (byColumnName.TryGetValue(column.ColumnName, out var other))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateColumn, LocationInfo.From(property), other.Name, property.Name, type.Name, column.ColumnName));
                continue;
            }

            byColumnName[column.ColumnName] = property;
            var settable = ModelSymbols.IsSettable(property, type);
            if (!settable && (column.Role != ColumnRole.None || column.IsAutoIncrement || column.IsConcurrencyToken || column.IsTenantKey))
            {
                // The server's key, the timestamps, the version and the tenant are assigned after construction, so they need a setter (set or init).
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PropertyCannotBeSet, LocationInfo.From(property), type.Name, property.Name));
            }

            columns.Add(column with
            {
                IsSettable = settable && !constructorProperties.Contains(property, SymbolEqualityComparer.Default),
                IsInitOnly = property.SetMethod?.IsInitOnly == true,
            });
        }

        foreach (var extra in columns.Where(c => c.IsConcurrencyToken).Skip(1))
        {
            var property = mapped.First(p => p.Name == extra.PropertyName);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SecondConcurrencyToken, LocationInfo.From(property), type.Name, columns.First(c => c.IsConcurrencyToken).PropertyName, extra.PropertyName));
        }

        foreach (var (role, has) in new (string Role, Func<ColumnModel, bool> Has)[] { ("SoftDelete", c => c.IsSoftDelete), ("TenantKey", c => c.IsTenantKey) })
        {
            foreach (var extra in columns.Where(has).Skip(1))
            {
                var property = mapped.First(p => p.Name == extra.PropertyName);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SecondFilterColumn, LocationInfo.From(property), type.Name, role, columns.First(has).PropertyName, extra.PropertyName));
            }
        }

        var tracksChanges = ModelSymbols.HasAttribute(type, known.TrackChanges);
        if (tracksChanges) columns = ChangeTracking.Columns(type, mapped, columns, typeLocation, diagnostics);

        var indexes = IndexParser.Parse(known, type, tableName, mapped, columns, diagnostics);
        var navigations = RelationshipParser.ParseNavigations(known, type, diagnostics);

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new ParseResult<EntityModel>(null, typeLocation, diagnostics.ToEquatableArray());
        }

        var keyColumns = columns.Where(c => c.IsKey).OrderBy(c => c.KeyOrder).ToList();
        var keyType = keyColumns.Count == 1
            ? keyColumns[0].PropertyType
            : "(" + string.Join(", ", keyColumns.Select(c => c.PropertyType)) + ")";
        var model = new EntityModel(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            Name: type.Name,
            FullName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            IsRecord: type.IsRecord,
            TableName: tableName,
            AccessorName: Naming.ToPascalCase(tableName, Naming.Pluralize(type.Name)),
            KeyType: keyType,
            Columns: columns.ToEquatableArray(),
            Indexes: indexes.ToEquatableArray(),
            Navigations: navigations.ToEquatableArray(),
            Construction: new ConstructionModel(constructorProperties.Select(p => p.Name).ToEquatableArray()),
            Was: previousTable,
            TracksChanges: tracksChanges);
        return new ParseResult<EntityModel>(model, typeLocation, diagnostics.ToEquatableArray());
    }

    /// <summary>Checks what every generated class needs: partial, top-level, non-generic, instantiable.</summary>
    internal static bool CheckClassShape(INamedTypeSymbol type, TypeDeclarationSyntax syntax, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var before = diagnostics.Count;
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EntityMustBePartial, location, type.Name));
        }

        if (type.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedEntity, location, type.Name));
        }

        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericEntity, location, type.Name));
        }

        if (type.IsStatic || type.IsAbstract)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticEntity, location, type.Name, type.IsStatic ? "static" : "abstract"));
        }

        return diagnostics.Count == before;
    }

    internal static void CheckIdentifier(string name, string what, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (name.Length == 0 || name.Length > 64 || name.IndexOf('`') >= 0 || name.IndexOf('\0') >= 0 || name.EndsWith(" ") || name.Any(char.IsSurrogate))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier, location, name, what));
        }
    }

    /// <summary>
    /// The constructor the mapper calls: a parameterless one when it exists, else the one with the most parameters
    /// that all match candidate properties by name (ignoring case) and type, as a positional record's does.
    /// </summary>
    internal static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> candidates)
    {
        var constructors = type.InstanceConstructors
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .ToList();
        var parameterless = constructors.FirstOrDefault(c => c.Parameters.Length == 0);
        if (parameterless is not null) return parameterless;

        return constructors
            .Where(c => c.Parameters.All(parameter => candidates.Any(p =>
                string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) &&
                SymbolEqualityComparer.Default.Equals(ModelSymbols.UnwrapNullable(p.Type), ModelSymbols.UnwrapNullable(parameter.Type)))))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
    }

    internal static void CheckRequiredMembers(KnownSymbols known, INamedTypeSymbol type, IMethodSymbol? constructor, List<IPropertySymbol> mapped, List<DiagnosticInfo> diagnostics)
    {
        if (constructor is null || constructor.GetAttributes().Any(a => a.AttributeClass is { } type && known.SetsRequiredMembers.Contains(type, SymbolEqualityComparer.Default)))
        {
            return;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } property && !mapped.Any(m => m.Name == property.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequiredMemberNotMapped, LocationInfo.From(property), type.Name, property.Name));
                }
            }
        }
    }
}
