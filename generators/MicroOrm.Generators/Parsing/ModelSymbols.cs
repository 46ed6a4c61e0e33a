using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Reading MicroOrm's attributes, matched by symbol against the compilation's <see cref="KnownSymbols"/>, and the
/// conventions that depend only on one symbol.
/// </summary>
internal static class ModelSymbols
{
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static AttributeData? GetAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null) return null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) return attribute;
        }

        return null;
    }

    public static IEnumerable<AttributeData> GetAttributes(ISymbol symbol, INamedTypeSymbol? attributeType) =>
        attributeType is null
            ? Enumerable.Empty<AttributeData>()
            : symbol.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType) => GetAttribute(symbol, attributeType) is not null;

    /// <summary>Whether <paramref name="symbol"/> carries any of <paramref name="attributeTypes"/>.</summary>
    public static bool HasAnyAttribute(ISymbol symbol, ImmutableArray<INamedTypeSymbol?> attributeTypes)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            foreach (var attributeType in attributeTypes)
            {
                if (attributeType is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) return true;
            }
        }

        return false;
    }

    public static bool HasColumnConfiguration(ISymbol symbol, KnownSymbols known) => HasAnyAttribute(symbol, known.ColumnConfiguration);

    public static bool IsNavigation(IPropertySymbol property, KnownSymbols known) => HasAnyAttribute(property, known.Navigations);

    public static T? NamedArgument<T>(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is T value) return value;
        }

        return default;
    }

    public static bool HasNamedArgument(AttributeData attribute, string name) => attribute.NamedArguments.Any(p => p.Key == name);

    public static string? ConstructorString(AttributeData? attribute) =>
        attribute is { ConstructorArguments.Length: > 0 } && attribute.ConstructorArguments[0].Value is string value ? value : null;

    public static bool IsEntity(ITypeSymbol type, KnownSymbols known) => HasAttribute(type, known.Table);

    /// <summary>The entity's table: <c>[Table("name")]</c>, or the snake_case plural of the class name.</summary>
    public static string TableName(INamedTypeSymbol type, KnownSymbols known) =>
        ConstructorString(GetAttribute(type, known.Table)) ?? Naming.ToSnakeCase(Naming.Pluralize(type.Name));

    /// <summary>The property's column: <c>[Column("name")]</c>, or the snake_case of the property name.</summary>
    public static string ColumnName(IPropertySymbol property, KnownSymbols known) =>
        ConstructorString(GetAttribute(property, known.Column)) ?? Naming.ToSnakeCase(property.Name);

    /// <summary>
    /// The public instance properties with a getter, base class first; a property redeclared in a derived class
    /// appears once, at the most derived declaration.
    /// </summary>
    public static List<IPropertySymbol> InstanceProperties(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var result = new List<IPropertySymbol>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var declaring in chain)
        {
            foreach (var member in declaring.GetMembers())
            {
                if (member is not IPropertySymbol property || property.IsStatic || property.IsIndexer ||
                    property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null)
                {
                    continue;
                }

                if (positions.TryGetValue(property.Name, out var index))
                {
                    result[index] = property;
                }
                else
                {
                    positions[property.Name] = result.Count;
                    result.Add(property);
                }
            }
        }

        return result;
    }

    /// <summary>The properties that form the key: those with [Key] in key order, else a property named Id.</summary>
    public static List<IPropertySymbol> KeyProperties(INamedTypeSymbol type, KnownSymbols known)
    {
        var properties = InstanceProperties(type).Where(p => !HasAttribute(p, known.NotMapped) && !IsNavigation(p, known)).ToList();
        var keyed = properties
            .Select((p, i) => (Property: p, Index: i, Attribute: GetAttribute(p, known.Key)))
            .Where(x => x.Attribute is not null)
            .OrderBy(x => NamedArgument<int>(x.Attribute!, "Order"))
            .ThenBy(x => x.Index)
            .Select(x => x.Property)
            .ToList();
        if (keyed.Count > 0) return keyed;
        var byConvention = properties.FirstOrDefault(p => string.Equals(p.Name, "Id", StringComparison.OrdinalIgnoreCase));
        return byConvention is null ? new List<IPropertySymbol>() : new List<IPropertySymbol> { byConvention };
    }

    /// <summary>Whether the nested generated reader can assign the property (a private setter counts only when declared on the entity itself).</summary>
    public static bool IsSettable(IPropertySymbol property, INamedTypeSymbol entity) =>
        property.SetMethod is { } setter &&
        (setter.DeclaredAccessibility != Accessibility.Private || SymbolEqualityComparer.Default.Equals(property.ContainingType, entity));

    /// <summary>The key type as generated code names it: the key property's type, or a tuple for a composite key.</summary>
    public static string KeyTypeOf(INamedTypeSymbol entity, KnownSymbols known)
    {
        var keys = KeyProperties(entity, known);
        return keys.Count == 1
            ? Display(keys[0].Type)
            : "(" + string.Join(", ", keys.Select(k => Display(k.Type))) + ")";
    }

    /// <summary>
    /// Whether code nested in <paramref name="from"/> can assign the property directly: it has a setter that is not
    /// init-only, and that setter is visible there (private only on <paramref name="from"/> itself).
    /// </summary>
    public static bool HasPlainSetter(IPropertySymbol property, INamedTypeSymbol from) =>
        property.SetMethod is { IsInitOnly: false } setter &&
        (SymbolEqualityComparer.Default.Equals(property.ContainingType, from) ||
         setter.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal);

    public static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } named ? named.TypeArguments[0] : type;

    public static string Display(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    public static string DisplayForTypeOf(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
