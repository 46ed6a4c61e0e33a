using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>Foreign keys and navigation properties, checked against the entity they point at.</summary>
internal static class RelationshipParser
{
    /// <summary>The members of <c>ReferentialAction</c>, by value: the runtime writes their SQL.</summary>
    private static readonly string[] OnDeleteActions = { "Restrict", "Cascade", "SetNull", "NoAction" };

    public static ForeignKeyModel? ParseForeignKey(KnownSymbols known, INamedTypeSymbol entity, string tableName, IPropertySymbol property, string columnName, bool isNullable, List<DiagnosticInfo> diagnostics)
    {
        var attribute = ModelSymbols.GetAttribute(property, known.ForeignKey);
        if (attribute is null) return null;
        var location = LocationInfo.From(property);
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol principal)
        {
            return null;
        }

        if (!ModelSymbols.IsEntity(principal, known))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyTargetNotEntity, location, entity.Name, property.Name, principal.ToDisplayString()));
            return null;
        }

        var principalKeys = ModelSymbols.KeyProperties(principal, known);
        if (principalKeys.Count == 0) return null;
        if (principalKeys.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CompositeKeyPrincipal, location, entity.Name, property.Name, principal.Name));
            return null;
        }

        var principalKey = principalKeys[0];
        if (!SymbolEqualityComparer.Default.Equals(ModelSymbols.UnwrapNullable(property.Type), ModelSymbols.UnwrapNullable(principalKey.Type)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyTypeMismatch, location, entity.Name, property.Name, property.Type.ToDisplayString(), principal.Name, principalKey.Type.ToDisplayString()));
            return null;
        }

        var action = ModelSymbols.NamedArgument<int>(attribute, "OnDelete");
        if (action < 0 || action >= OnDeleteActions.Length) action = 0;
        if (OnDeleteActions[action] == "SetNull" && !isNullable)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetNullOnNonNullableForeignKey, location, entity.Name, property.Name));
        }

        return new ForeignKeyModel(
            PrincipalType: principal.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            PrincipalTable: ModelSymbols.TableName(principal, known),
            PrincipalColumn: ModelSymbols.ColumnName(principalKey, known),
            OnDelete: OnDeleteActions[action],
            ConstraintName: Naming.FitIdentifier($"fk_{tableName}_{columnName}"));
    }

    public static List<NavigationModel> ParseNavigations(KnownSymbols known, INamedTypeSymbol entity, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<NavigationModel>();
        foreach (var property in ModelSymbols.InstanceProperties(entity))
        {
            NavigationKind kind;
            AttributeData? attribute;
            if ((attribute = ModelSymbols.GetAttribute(property, known.HasMany)) is not null) kind = NavigationKind.HasMany;
            else if ((attribute = ModelSymbols.GetAttribute(property, known.HasOne)) is not null) kind = NavigationKind.HasOne;
            else if ((attribute = ModelSymbols.GetAttribute(property, known.BelongsTo)) is not null) kind = NavigationKind.BelongsTo;
            else continue;

            var navigation = ParseNavigation(known, entity, property, kind, attribute, diagnostics);
            if (navigation is not null) result.Add(navigation);
        }

        return result;
    }

    private static NavigationModel? ParseNavigation(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, NavigationKind kind, AttributeData attribute, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.From(property);
        if (!ModelSymbols.IsSettable(property, entity))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PropertyCannotBeSet, location, entity.Name, property.Name));
            return null;
        }

        ITypeSymbol target;
        var collectionType = "";
        if (kind == NavigationKind.HasMany)
        {
            if (!TryGetListElement(known, property.Type, out target))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNavigationType, location, entity.Name, property.Name, property.Type.ToDisplayString(),
                    "a [HasMany] navigation must be List<T>, IList<T>, ICollection<T>, IReadOnlyList<T>, IReadOnlyCollection<T> or IEnumerable<T> of an entity"));
                return null;
            }

            collectionType = property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }
        else
        {
            target = ModelSymbols.UnwrapNullable(property.Type);
        }

        if (target is not INamedTypeSymbol targetType || !ModelSymbols.IsEntity(targetType, known))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyTargetNotEntity, location, entity.Name, property.Name, target.ToDisplayString()));
            return null;
        }

        var named = ModelSymbols.NamedArgument<string>(attribute, "ForeignKey");
        // A [BelongsTo] uses this entity's foreign key to the target; [HasMany]/[HasOne] use the target's foreign key to this entity.
        var (owner, principal) = kind == NavigationKind.BelongsTo ? (entity, targetType) : (targetType, entity);
        var foreignKeys = ModelSymbols.InstanceProperties(owner)
            .Where(p => ModelSymbols.GetAttribute(p, known.ForeignKey) is { } fk &&
                        fk.ConstructorArguments.Length > 0 &&
                        SymbolEqualityComparer.Default.Equals(fk.ConstructorArguments[0].Value as ITypeSymbol, principal))
            .ToList();

        IPropertySymbol? foreignKey;
        if (named is not null)
        {
            foreignKey = foreignKeys.FirstOrDefault(p => p.Name == named);
            if (foreignKey is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RelationshipWithoutForeignKey, location, entity.Name, property.Name,
                    $"'{owner.Name}.{named}' is not a property with [ForeignKey(typeof({principal.Name}))]"));
                return null;
            }
        }
        else if (foreignKeys.Count == 1)
        {
            foreignKey = foreignKeys[0];
        }
        else
        {
            var reason = foreignKeys.Count == 0
                ? $"'{owner.Name}' has no property with [ForeignKey(typeof({principal.Name}))]; add one"
                : $"'{owner.Name}' has several foreign keys to '{principal.Name}' ({string.Join(", ", foreignKeys.Select(f => f.Name))}); name the one meant with ForeignKey = nameof(...)";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RelationshipWithoutForeignKey, location, entity.Name, property.Name, reason));
            return null;
        }

        if (kind == NavigationKind.HasOne && !IsUniqueColumn(known, owner, foreignKey))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HasOneNeedsUniqueForeignKey, location, entity.Name, property.Name, owner.Name, foreignKey.Name));
            return null;
        }

        var principalKeys = ModelSymbols.KeyProperties(principal, known);
        if (principalKeys.Count != 1) return null;
        var principalKey = principalKeys[0];
        var fkNullable = !SymbolEqualityComparer.Default.Equals(ModelSymbols.UnwrapNullable(foreignKey.Type), foreignKey.Type) ||
                         (!foreignKey.Type.IsValueType && foreignKey.NullableAnnotation != NullableAnnotation.NotAnnotated);
        var inverse = kind == NavigationKind.BelongsTo ? null : FindInverse(known, targetType, entity, foreignKey);

        return new NavigationModel(
            PropertyName: property.Name,
            Kind: kind,
            TargetType: targetType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            TargetKeyType: ModelSymbols.KeyTypeOf(targetType, known),
            KeyType: ModelSymbols.UnwrapNullable(principalKey.Type).WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            PrincipalKeyProperty: principalKey.Name,
            ForeignKeyProperty: foreignKey.Name,
            ForeignKeyType: ModelSymbols.Display(foreignKey.Type),
            ForeignKeyNullable: fkNullable,
            PropertyType: ModelSymbols.Display(property.Type),
            PropertyInitOnly: property.SetMethod?.IsInitOnly == true,
            ForeignKeySetterPlain: ModelSymbols.HasPlainSetter(foreignKey, entity),
            InverseProperty: inverse?.Name,
            InversePropertyType: inverse is null ? null : ModelSymbols.Display(inverse.Type),
            InverseSetterPlain: inverse is not null && ModelSymbols.HasPlainSetter(inverse, entity));
    }

    /// <summary>The dependent's <c>[BelongsTo]</c> back to the principal through the same foreign key, if it declares one.</summary>
    private static IPropertySymbol? FindInverse(KnownSymbols known, INamedTypeSymbol dependent, INamedTypeSymbol principal, IPropertySymbol foreignKey)
    {
        foreach (var candidate in ModelSymbols.InstanceProperties(dependent))
        {
            var attribute = ModelSymbols.GetAttribute(candidate, known.BelongsTo);
            if (attribute is null || !SymbolEqualityComparer.Default.Equals(ModelSymbols.UnwrapNullable(candidate.Type), principal)) continue;
            var named = ModelSymbols.NamedArgument<string>(attribute, "ForeignKey");
            if (named is null || named == foreignKey.Name) return candidate;
        }

        return null;
    }

    /// <summary>Whether the column has a unique constraint of its own (<c>[Unique]</c>, or a single-column unique index).</summary>
    private static bool IsUniqueColumn(KnownSymbols known, INamedTypeSymbol owner, IPropertySymbol property)
    {
        if (ModelSymbols.HasAttribute(property, known.Unique)) return true;
        if (ModelSymbols.GetAttributes(property, known.Index).Any(a => ModelSymbols.NamedArgument<bool>(a, "IsUnique") && ModelSymbols.NamedArgument<string>(a, "Name") is null))
        {
            return true;
        }

        return ModelSymbols.GetAttributes(owner, known.Index).Any(a =>
            ModelSymbols.NamedArgument<bool>(a, "IsUnique") &&
            a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Kind == TypedConstantKind.Array &&
            a.ConstructorArguments[0].Values.Length == 1 && a.ConstructorArguments[0].Values[0].Value as string == property.Name);
    }

    /// <summary>Whether <paramref name="type"/> is a collection a <c>List&lt;T&gt;</c> can be assigned to, and its element type.</summary>
    private static bool TryGetListElement(KnownSymbols known, ITypeSymbol type, out ITypeSymbol element)
    {
        element = type;
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named) return false;
        var definition = named.OriginalDefinition;
        var accepted = definition.SpecialType is SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_ICollection_T
            or SpecialType.System_Collections_Generic_IReadOnlyList_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
            or SpecialType.System_Collections_Generic_IEnumerable_T;
        if (!accepted && !SymbolEqualityComparer.Default.Equals(definition, known.List)) return false;
        element = named.TypeArguments[0];
        return true;
    }
}
