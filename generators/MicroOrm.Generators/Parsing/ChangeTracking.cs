using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Emitting;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Checks a <c>[TrackChanges]</c> entity and describes its partial properties: every column an update sets must be a
/// <c>partial</c> property without a body, declared on the entity itself, with a <c>set</c> or <c>init</c>, so that
/// the generator can write the setter that records it; at most 64 such columns fit the mask.
/// </summary>
internal static class ChangeTracking
{
    public const int MaxColumns = 64;

    public static List<ColumnModel> Columns(INamedTypeSymbol type, List<IPropertySymbol> mapped, List<ColumnModel> columns, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<ColumnModel>(columns.Count);
        var updated = 0;
        foreach (var column in columns)
        {
            var property = mapped.First(p => p.Name == column.PropertyName);
            var isUpdated = StatementColumns.IsUpdated(column);
            if (isUpdated) updated++;
            if (!property.IsPartialDefinition)
            {
                if (isUpdated) Report(property, type, "is not partial; declare it 'partial' without a body ({ get; set; }), so that the generated setter records each assignment", diagnostics);
                result.Add(column);
                continue;
            }

            var problem = property.PartialImplementationPart is not null ? "has a body of its own; leave its implementation to the generator"
                : !SymbolEqualityComparer.Default.Equals(property.ContainingType, type) ? "is declared in a base class; declare the tracked properties on the entity itself"
                : property.IsVirtual || property.IsOverride || property.IsSealed ? "is virtual, override or sealed; a tracked property is a plain one"
                : property.SetMethod is null ? "has no set or init accessor; the row reader and the tracked setter need one"
                : null;
            if (problem is not null)
            {
                Report(property, type, problem, diagnostics);
                result.Add(column);
                continue;
            }

            result.Add(column with { Partial = Describe(property) });
        }

        // A partial property MicroOrm does not map is not one it implements; without a body of its own it would not compile.
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (!property.IsPartialDefinition || property.PartialImplementationPart is not null || mapped.Contains(property, SymbolEqualityComparer.Default)) continue;
            Report(property, type, "is partial but not a mapped column (not public, [NotMapped], or without a set or init accessor), so MicroOrm does not implement it; give it a body, or make it a mapped column", diagnostics);
        }

        if (updated > MaxColumns) diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooManyTrackedColumns, typeLocation, type.Name, updated.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return result;
    }

    private static void Report(IPropertySymbol property, INamedTypeSymbol type, string problem, List<DiagnosticInfo> diagnostics) =>
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UntrackableProperty, LocationInfo.From(property), type.Name, property.Name, problem));

    /// <summary>What the implementation repeats: the modifiers, type and name, and each accessor's own accessibility where it differs.</summary>
    private static PartialPropertyModel Describe(IPropertySymbol property)
    {
        var declaration = Accessibility(property.DeclaredAccessibility) + (property.IsRequired ? " required" : "") + " partial " + ModelSymbols.Display(property.Type) + " " + property.Name;
        var getter = Accessor(property, property.GetMethod!, "get");
        var setter = Accessor(property, property.SetMethod!, property.SetMethod!.IsInitOnly ? "init" : "set");
        return new PartialPropertyModel(declaration, getter, setter);
    }

    private static string Accessor(IPropertySymbol property, IMethodSymbol accessor, string keyword) =>
        accessor.DeclaredAccessibility == property.DeclaredAccessibility ? keyword : Accessibility(accessor.DeclaredAccessibility) + " " + keyword;

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
