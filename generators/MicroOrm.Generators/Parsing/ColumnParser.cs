using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>Turns one mapped property into a <see cref="ColumnModel"/>: name, kind, SQL type and roles.</summary>
internal static class ColumnParser
{
    public static ColumnModel? Parse(KnownSymbols known, INamedTypeSymbol entity, string tableName, IPropertySymbol property, int ordinal, int keyOrder, int keyCount, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.From(property);
        var columnName = ModelSymbols.ColumnName(property, known);
        EntityParser.CheckIdentifier(columnName, $"the column of {entity.Name}.{property.Name}", location, diagnostics);

        var converter = ConverterParser.ForProperty(known, entity, property, location, diagnostics, out var converterFailed);
        if (converterFailed) return null;
        ValueKind kind;
        bool isNullableValueType;
        INamedTypeSymbol? enumType = null;
        if (converter is not null)
        {
            // The column stores what the converter makes: its kind decides the SQL type, the reads and the lengths.
            kind = converter.ColumnKind;
            isNullableValueType = !SymbolEqualityComparer.Default.Equals(ModelSymbols.UnwrapNullable(property.Type), property.Type);
        }
        else if (!TypeClassifier.TryClassify(known, property.Type, out kind, out isNullableValueType, out enumType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, location, entity.Name, property.Name, property.Type.ToDisplayString()));
            return null;
        }

        var isNullable = isNullableValueType || (!property.Type.IsValueType && property.NullableAnnotation != NullableAnnotation.NotAnnotated);
        var isKey = keyOrder >= 0;
        if (isKey && isNullable)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NullableKey, location, entity.Name, property.Name));
        }

        var isAutoIncrement = isKey && AutoIncrement(known, entity, property, kind, keyCount, location, diagnostics);
        var maxLength = MaxLength(known, entity, property, kind, location, diagnostics);
        var (precision, scale) = Precision(known, entity, property, kind, location, diagnostics);
        var enumModel = enumType is null ? null : EnumModelFor(known, entity, property, enumType, location, diagnostics);
        if (enumModel is null && ModelSymbols.HasAttribute(property, known.StoreAsString))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, "StoreAsString", entity.Name, property.Name, property.Type.ToDisplayString(), "it applies to enum properties only"));
        }

        if (enumModel is { StoreAsString: true })
        {
            maxLength = System.Math.Max(64, enumModel.Members.Count == 0 ? 0 : enumModel.Members.Max(m => m.Length));
        }

        var role = Role(known, entity, property, kind, location, diagnostics);
        var foreignKey = RelationshipParser.ParseForeignKey(known, entity, tableName, property, columnName, isNullable, diagnostics);
        var columnAttribute = ModelSymbols.GetAttribute(property, known.Column);
        var typeName = columnAttribute is null ? null : ModelSymbols.NamedArgument<string>(columnAttribute, "TypeName");
        var was = columnAttribute is null ? null : ModelSymbols.NamedArgument<string>(columnAttribute, "Was");
        if (was is not null) EntityParser.CheckIdentifier(was, $"the previous column of {entity.Name}.{property.Name}", location, diagnostics);
        var sqlType = string.IsNullOrWhiteSpace(typeName)
            ? TypeClassifier.SqlType(kind, maxLength, precision, scale, enumModel)
            : typeName!.Trim();
        if (converter?.JsonContext is not null)
        {
            // JSON: MySQL's JSON type; the dialect makes it MariaDB's LONGTEXT with a JSON_VALID check. No length limit.
            sqlType = string.IsNullOrWhiteSpace(typeName) ? "JSON" : sqlType;
            maxLength = 0;
        }
        else if (!string.IsNullOrWhiteSpace(typeName) && !ModelSymbols.HasAttribute(property, known.MaxLength) && enumModel is not { StoreAsString: true })
        {
            // The declared type decides the length; the default 255 belongs to the default VARCHAR only.
            maxLength = 0;
        }

        var validation = converter is null
            ? ValidationParser.Parse(known, entity, tableName, property, columnName, kind, isNullableValueType, location, diagnostics)
            : NoValidation(known, entity, property, location, diagnostics);
        var isToken = ModelSymbols.HasAttribute(property, known.ConcurrencyToken);
        if (isToken && (!kind.IsIntegral() || isNullable || isKey || converter is not null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, "ConcurrencyToken", entity.Name, property.Name, property.Type.ToDisplayString(),
                "the version must be a non-nullable integer (int or long) that is not part of the key"));
            isToken = false;
        }

        var isSoftDelete = ModelSymbols.HasAttribute(property, known.SoftDelete);
        if (isSoftDelete && !(kind == ValueKind.Boolean && !isNullable || kind is ValueKind.DateTime or ValueKind.DateTimeOffset && isNullable) || isSoftDelete && (isKey || converter is not null || validation is { Required: true }))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, "SoftDelete", entity.Name, property.Name, property.Type.ToDisplayString(),
                "the deleted mark must be a bool (true once deleted) or a nullable DateTime or DateTimeOffset (when it was deleted), not part of the key and without a converter"));
            isSoftDelete = false;
        }

        var isTenantKey = ModelSymbols.HasAttribute(property, known.TenantKey);
        if (isTenantKey && (isNullable || isAutoIncrement || converter?.JsonContext is not null || !(kind.IsIntegral() || kind is ValueKind.String or ValueKind.Guid || converter is not null)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, "TenantKey", entity.Name, property.Name, property.Type.ToDisplayString(),
                "the tenant must be a non-nullable integer, string, Guid or converted value that the application sets, not an AUTO_INCREMENT key or JSON"));
            isTenantKey = false;
        }

        return new ColumnModel(
            PropertyName: property.Name,
            ColumnName: columnName,
            PropertyType: ModelSymbols.Display(property.Type),
            TypeOfName: ModelSymbols.DisplayForTypeOf(property.Type),
            Kind: kind,
            IsNullable: isNullable,
            IsNullableValueType: isNullableValueType,
            SqlType: sqlType,
            Ordinal: ordinal,
            IsKey: isKey,
            KeyOrder: keyOrder,
            IsAutoIncrement: isAutoIncrement,
            MaxLength: kind is ValueKind.String or ValueKind.Bytes || enumModel is { StoreAsString: true } ? maxLength : 0,
            Precision: precision,
            Scale: scale,
            Enum: enumModel,
            Role: role,
            ForeignKey: foreignKey,
            IsSettable: true,
            Validation: validation,
            IsConcurrencyToken: isToken,
            Was: was,
            Converter: converter,
            IsSoftDelete: isSoftDelete,
            IsTenantKey: isTenantKey);
    }

    /// <summary>
    /// A converted property has no generated checks: they test the stored type, which the property is not. Its
    /// validation attributes are refused, so none is silently skipped; the converter or the type validates instead.
    /// </summary>
    private static ValidationModel? NoValidation(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        foreach (var (attribute, name) in new[] { (known.Required, "Required"), (known.Range, "Range"), (known.Pattern, "Pattern"), (known.Email, "Email") })
        {
            if (!ModelSymbols.HasAttribute(property, attribute)) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, name, entity.Name, property.Name, property.Type.ToDisplayString(),
                "a converted property is checked by its converter or its type, not by generated validation"));
        }

        return null;
    }

    private static bool AutoIncrement(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, ValueKind kind, int keyCount, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var attribute = ModelSymbols.GetAttribute(property, known.Key);
        if (attribute is null || !ModelSymbols.HasNamedArgument(attribute, "AutoIncrement"))
        {
            return keyCount == 1 && kind.IsIntegral();
        }

        var requested = ModelSymbols.NamedArgument<bool>(attribute, "AutoIncrement");
        if (!requested) return false;
        if (!kind.IsIntegral())
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AutoIncrementOnNonIntegralKey, location, entity.Name, property.Name, property.Type.ToDisplayString()));
            return false;
        }

        if (keyCount > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AutoIncrementOnCompositeKey, location, entity.Name, property.Name));
            return false;
        }

        return true;
    }

    private static int MaxLength(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, ValueKind kind, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var attribute = ModelSymbols.GetAttribute(property, known.MaxLength);
        var defaultLength = kind == ValueKind.String ? TypeClassifier.DefaultStringLength : 0;
        if (attribute is null) return defaultLength;
        if (kind is not (ValueKind.String or ValueKind.Bytes))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, "MaxLength", entity.Name, property.Name, property.Type.ToDisplayString(), "it applies to string and byte[] properties only"));
            return defaultLength;
        }

        var length = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value ? value : 0;
        if (length <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeValueOutOfRange, location, "MaxLength", entity.Name, property.Name, "the length must be at least 1"));
            return defaultLength;
        }

        return length;
    }

    private static (int Precision, int Scale) Precision(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, ValueKind kind, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var fallback = kind == ValueKind.Decimal ? (TypeClassifier.DefaultPrecision, TypeClassifier.DefaultScale) : (0, 0);
        var attribute = ModelSymbols.GetAttribute(property, known.Precision);
        if (attribute is null) return fallback;
        if (kind != ValueKind.Decimal)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, "Precision", entity.Name, property.Name, property.Type.ToDisplayString(), "it applies to decimal properties only"));
            return fallback;
        }

        var precision = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int p ? p : 0;
        var scale = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int s ? s : 0;
        if (precision is < 1 or > 65 || scale is < 0 or > 30 || scale > precision)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeValueOutOfRange, location, "Precision", entity.Name, property.Name, "precision must be 1 to 65 and scale 0 to 30, no larger than the precision"));
            return fallback;
        }

        return (precision, scale);
    }

    private static EnumModel EnumModelFor(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, INamedTypeSymbol enumType, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var asString = ModelSymbols.HasAttribute(property, known.StoreAsString);
        if (asString && ModelSymbols.HasAttribute(enumType, known.Flags))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StoreAsStringOnFlagsEnum, location, entity.Name, property.Name));
        }

        var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToEquatableArray();
        var underlying = TypeClassifier.KindOfEnumUnderlying(enumType);
        return new EnumModel(
            enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            underlying,
            enumType.EnumUnderlyingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "int",
            asString,
            members);
    }

    private static ColumnRole Role(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, ValueKind kind, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var role = ColumnRole.None;
        var name = "";
        if (ModelSymbols.HasAttribute(property, known.CreatedAt))
        {
            role = ColumnRole.CreatedAt;
            name = "CreatedAt";
        }

        if (ModelSymbols.HasAttribute(property, known.UpdatedAt))
        {
            role = ColumnRole.UpdatedAt;
            name = "UpdatedAt";
        }

        if (role != ColumnRole.None && !kind.IsDateTimeLike())
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, name, entity.Name, property.Name, property.Type.ToDisplayString(), "timestamps must be DateTime or DateTimeOffset"));
            return ColumnRole.None;
        }

        return role;
    }
}
