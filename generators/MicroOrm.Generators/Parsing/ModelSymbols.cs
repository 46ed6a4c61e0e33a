using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MicroOrm.Generators.Parsing;

/// <summary>Reading MicroOrm's attributes and the conventions that depend only on one symbol.</summary>
internal static class ModelSymbols
{
    public const string TableAttribute = "MicroOrm.TableAttribute";
    public const string DatabaseAttribute = "MicroOrm.DatabaseAttribute";
    public const string RowAttribute = "MicroOrm.RowAttribute";
    public const string ColumnAttribute = "MicroOrm.ColumnAttribute";
    public const string KeyAttribute = "MicroOrm.KeyAttribute";
    public const string NotMappedAttribute = "MicroOrm.NotMappedAttribute";
    public const string MaxLengthAttribute = "MicroOrm.MaxLengthAttribute";
    public const string PrecisionAttribute = "MicroOrm.PrecisionAttribute";
    public const string StoreAsStringAttribute = "MicroOrm.StoreAsStringAttribute";
    public const string CreatedAtAttribute = "MicroOrm.CreatedAtAttribute";
    public const string UpdatedAtAttribute = "MicroOrm.UpdatedAtAttribute";
    public const string IndexAttribute = "MicroOrm.IndexAttribute";
    public const string UniqueAttribute = "MicroOrm.UniqueAttribute";
    public const string ForeignKeyAttribute = "MicroOrm.ForeignKeyAttribute";
    public const string HasManyAttribute = "MicroOrm.HasManyAttribute";
    public const string HasOneAttribute = "MicroOrm.HasOneAttribute";
    public const string BelongsToAttribute = "MicroOrm.BelongsToAttribute";
    public const string RequiredAttribute = "MicroOrm.RequiredAttribute";
    public const string RangeAttribute = "MicroOrm.RangeAttribute";
    public const string PatternAttribute = "MicroOrm.PatternAttribute";
    public const string EmailAttribute = "MicroOrm.EmailAttribute";
    public const string ConcurrencyTokenAttribute = "MicroOrm.ConcurrencyTokenAttribute";

    /// <summary>Attributes that only make sense on a column: their presence means the user meant the property to be mapped.</summary>
    private static readonly string[] ColumnConfiguration =
    {
        ColumnAttribute, KeyAttribute, MaxLengthAttribute, PrecisionAttribute, StoreAsStringAttribute,
        CreatedAtAttribute, UpdatedAtAttribute, IndexAttribute, UniqueAttribute, ForeignKeyAttribute,
        RequiredAttribute, RangeAttribute, PatternAttribute, EmailAttribute, ConcurrencyTokenAttribute,
    };

    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static AttributeData? GetAttribute(ISymbol symbol, string fullName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == fullName) return attribute;
        }

        return null;
    }

    public static IEnumerable<AttributeData> GetAttributes(ISymbol symbol, string fullName) =>
        symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == fullName);

    public static bool HasAttribute(ISymbol symbol, string fullName) => GetAttribute(symbol, fullName) is not null;

    public static bool HasColumnConfiguration(ISymbol symbol) => ColumnConfiguration.Any(name => HasAttribute(symbol, name));

    public static bool IsNavigation(IPropertySymbol property) =>
        HasAttribute(property, HasManyAttribute) || HasAttribute(property, HasOneAttribute) || HasAttribute(property, BelongsToAttribute);

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

    public static bool IsEntity(ITypeSymbol type) => HasAttribute(type, TableAttribute);

    /// <summary>The entity's table: <c>[Table("name")]</c>, or the snake_case plural of the class name.</summary>
    public static string TableName(INamedTypeSymbol type) =>
        ConstructorString(GetAttribute(type, TableAttribute)) ?? Naming.ToSnakeCase(Naming.Pluralize(type.Name));

    /// <summary>The property's column: <c>[Column("name")]</c>, or the snake_case of the property name.</summary>
    public static string ColumnName(IPropertySymbol property) =>
        ConstructorString(GetAttribute(property, ColumnAttribute)) ?? Naming.ToSnakeCase(property.Name);

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
    public static List<IPropertySymbol> KeyProperties(INamedTypeSymbol type)
    {
        var properties = InstanceProperties(type).Where(p => !HasAttribute(p, NotMappedAttribute) && !IsNavigation(p)).ToList();
        var keyed = properties
            .Select((p, i) => (Property: p, Index: i, Attribute: GetAttribute(p, KeyAttribute)))
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
    public static string KeyTypeOf(INamedTypeSymbol entity)
    {
        var keys = KeyProperties(entity);
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
