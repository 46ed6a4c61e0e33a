namespace MicroOrm.Generators.Model;

/// <summary>One mapped property and the column it is stored in.</summary>
internal sealed record ColumnModel(
    string PropertyName,
    string ColumnName,
    string PropertyType,
    string TypeOfName,
    ValueKind Kind,
    bool IsNullable,
    bool IsNullableValueType,
    string SqlType,
    int Ordinal,
    bool IsKey,
    int KeyOrder,
    bool IsAutoIncrement,
    int MaxLength,
    int Precision,
    int Scale,
    EnumModel? Enum,
    ColumnRole Role,
    ForeignKeyModel? ForeignKey,
    bool IsSettable,
    bool IsInitOnly = false,
    ValidationModel? Validation = null,
    bool IsConcurrencyToken = false,
    string? Was = null,
    ConverterModel? Converter = null,
    bool IsSoftDelete = false,
    bool IsTenantKey = false,
    PartialPropertyModel? Partial = null)
{
    /// <summary>Whether the DDL declares the column NULL: a nullable property, unless <c>[Required]</c>.</summary>
    public bool IsNullableInDatabase => IsNullable && Validation is not { Required: true };

    /// <summary>The property type with a nullable annotation whenever the column is nullable, even if the model was written without annotations.</summary>
    public string AnnotatedType => IsNullable && !PropertyType.EndsWith("?") ? PropertyType + "?" : PropertyType;
}

/// <summary>
/// A mapped property declared <c>partial</c> on a <c>[TrackChanges]</c> entity: what its generated implementation
/// repeats of the declaration (modifiers, type and name) and its accessors (<c>get</c>, <c>set</c> or <c>init</c>,
/// with their own accessibility when it differs).
/// </summary>
internal sealed record PartialPropertyModel(string Declaration, string Getter, string Setter);

internal enum ColumnRole
{
    None,
    CreatedAt,
    UpdatedAt,
}

/// <summary>An enum property: its type, how it is stored, and its members (for the generated name switch).</summary>
internal sealed record EnumModel(string TypeName, ValueKind UnderlyingKind, string UnderlyingType, bool StoreAsString, EquatableArray<string> Members);

/// <summary>A foreign key column and the key it references.</summary>
internal sealed record ForeignKeyModel(
    string PrincipalType,
    string PrincipalTable,
    string PrincipalColumn,
    string OnDelete, // the ReferentialAction member: Restrict, Cascade, SetNull or NoAction
    string ConstraintName);

/// <summary>An index or unique constraint.</summary>
internal sealed record IndexModel(string Name, bool IsUnique, EquatableArray<string> Columns);

/// <summary>
/// A navigation property: the related entity, the foreign key that links the two, and what the emitter needs to
/// read keys and set properties on both sides.
/// </summary>
internal sealed record NavigationModel(
    string PropertyName,
    NavigationKind Kind,
    string TargetType,
    string TargetKeyType,
    string KeyType,
    string PrincipalKeyProperty,
    string ForeignKeyProperty,
    string ForeignKeyType,
    bool ForeignKeyNullable,
    string PropertyType,
    bool PropertyInitOnly,
    bool ForeignKeySetterPlain,
    string? InverseProperty,
    string? InversePropertyType,
    bool InverseSetterPlain);

internal enum NavigationKind
{
    HasMany,
    HasOne,
    BelongsTo,
}
