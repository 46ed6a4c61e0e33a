using Microsoft.CodeAnalysis;

namespace MicroOrm.Generators.Diagnostics;

/// <summary>
/// Every diagnostic MicroOrm reports, in one table. Ids are stable: once shipped an id keeps its meaning
/// (see AnalyzerReleases.Shipped.md). Each message says what is wrong and how to fix it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Mapping = "MicroOrm.Mapping";
    private const string Usage = "MicroOrm.Usage";
    private const string Security = "MicroOrm.Security";

    public static readonly DiagnosticDescriptor EntityMustBePartial = Error(
        "MORM0001", "Mapped type must be partial",
        "The type '{0}' must be declared 'partial' so that MicroOrm can generate its mapper; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor EntityHasNoKey = Error(
        "MORM0002", "Entity has no key",
        "The entity '{0}' has no key; mark the key property with [Key] (or name it 'Id')");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "MORM0003", "Unsupported property type",
        "The property '{0}.{1}' has type '{2}', which MicroOrm cannot store in a column; use a supported type, or mark it [NotMapped] (or [HasMany]/[BelongsTo] for a relationship)");

    public static readonly DiagnosticDescriptor DuplicateColumn = Error(
        "MORM0004", "Two properties map to one column",
        "The properties '{0}' and '{1}' of '{2}' both map to the column '{3}'; give one of them another name with [Column(\"...\")]");

    public static readonly DiagnosticDescriptor ForeignKeyTargetNotEntity = Error(
        "MORM0005", "Foreign key or relationship to a type that is not an entity",
        "'{0}.{1}' refers to '{2}', which is not an entity; add [Table] to '{2}' or refer to an entity");

    public static readonly DiagnosticDescriptor RelationshipWithoutForeignKey = Error(
        "MORM0006", "Relationship without a matching foreign key",
        "The relationship '{0}.{1}' has no matching foreign key: {2}");

    public static readonly DiagnosticDescriptor DuplicateTableName = Error(
        "MORM0007", "Two entities map to one table",
        "The entities '{0}' and '{1}' both map to the table '{2}'; give one of them another name with [Table(\"...\")]");

    public static readonly DiagnosticDescriptor AutoIncrementOnNonIntegralKey = Error(
        "MORM0008", "AUTO_INCREMENT on a non-integral key",
        "The key '{0}.{1}' has type '{2}', which the server cannot generate; remove AutoIncrement = true and set the key before inserting");

    public static readonly DiagnosticDescriptor NestedEntity = Error(
        "MORM0009", "Model class is nested",
        "'{0}' is declared inside another type; declare it at namespace level so MicroOrm can generate its code");

    public static readonly DiagnosticDescriptor GenericEntity = Error(
        "MORM0010", "Model class is generic",
        "'{0}' is generic; a mapped class must be a closed, non-generic type");

    public static readonly DiagnosticDescriptor StaticEntity = Error(
        "MORM0011", "Model class is static or abstract",
        "'{0}' is {1} and cannot be instantiated; a mapped class must be a concrete class or record");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "MORM0012", "Invalid table, column or index name",
        "'{0}' is not a valid MySQL name for {1}: a name has 1 to 64 characters from the Basic Multilingual Plane, with no backtick, no NUL and no trailing space");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Error(
        "MORM0013", "No constructor the mapper can call",
        "'{0}' has no parameterless constructor and no constructor whose parameters all match mapped properties by name and type; add one");

    public static readonly DiagnosticDescriptor RequiredMemberNotMapped = Error(
        "MORM0014", "Required member is not mapped",
        "The required property '{0}.{1}' is not mapped, so the mapper cannot set it; map it or remove 'required'");

    public static readonly DiagnosticDescriptor PropertyCannotBeSet = Error(
        "MORM0015", "Mapped property cannot be set",
        "The property '{0}.{1}' is configured as a column but has no setter the mapper can use; add 'set' or 'init', take it as a constructor parameter, or mark it [NotMapped]");

    public static readonly DiagnosticDescriptor AttributeNotValidForType = Error(
        "MORM0016", "Attribute does not apply to the property type",
        "[{0}] does not apply to '{1}.{2}' of type '{3}': {4}");

    public static readonly DiagnosticDescriptor AttributeValueOutOfRange = Error(
        "MORM0017", "Attribute value out of range",
        "[{0}] on '{1}.{2}': {3}");

    public static readonly DiagnosticDescriptor NullableKey = Error(
        "MORM0018", "Key property is nullable",
        "The key '{0}.{1}' is nullable; a primary key column cannot hold NULL, so make the property non-nullable");

    public static readonly DiagnosticDescriptor AutoIncrementOnCompositeKey = Error(
        "MORM0019", "AUTO_INCREMENT on a composite key",
        "'{0}' has a composite key, and '{1}' asks for AUTO_INCREMENT; only a single-column key can be generated by the server");

    public static readonly DiagnosticDescriptor ForeignKeyTypeMismatch = Error(
        "MORM0020", "Foreign key type does not match the key it references",
        "The foreign key '{0}.{1}' has type '{2}', but the key of '{3}' has type '{4}'; make the types match");

    public static readonly DiagnosticDescriptor SetNullOnNonNullableForeignKey = Error(
        "MORM0021", "ON DELETE SET NULL on a non-nullable foreign key",
        "The foreign key '{0}.{1}' is not nullable, so ON DELETE SET NULL cannot apply; make it nullable or choose another action");

    public static readonly DiagnosticDescriptor IndexUnknownProperty = Error(
        "MORM0022", "Index names an unknown property",
        "The index on '{0}' names '{1}', which is not a mapped property of '{0}'; use nameof(...) of a mapped property");

    public static readonly DiagnosticDescriptor ReservedMemberName = Error(
        "MORM0023", "Member name is reserved by the generator",
        "'{0}' declares a member named '{1}', a name MicroOrm generates inside mapped classes; rename the member");

    public static readonly DiagnosticDescriptor InvalidDatabaseClass = Error(
        "MORM0024", "Invalid [Database] class",
        "The database class '{0}' {1}");

    public static readonly DiagnosticDescriptor ForeignKeyCycle = Error(
        "MORM0025", "Foreign keys form a cycle",
        "The foreign keys of {0} form a cycle, so no table can be created first; make one of the foreign keys nullable and drop its [ForeignKey], or break the cycle");

    public static readonly DiagnosticDescriptor DuplicateAccessorName = Error(
        "MORM0026", "Two entities have the same accessor name",
        "The entities '{0}' and '{1}' would both be exposed as '{2}' on the database class; give one of them another table name with [Table(\"...\")]");

    public static readonly DiagnosticDescriptor InvalidNavigationType = Error(
        "MORM0027", "Navigation property has an invalid type",
        "The navigation '{0}.{1}' has type '{2}'; {3}");

    public static readonly DiagnosticDescriptor StoreAsStringOnFlagsEnum = Error(
        "MORM0028", "[StoreAsString] on a [Flags] enum",
        "'{0}.{1}' is a [Flags] enum, whose combined values have no single name; store it as an integer by removing [StoreAsString]");

    public static readonly DiagnosticDescriptor CompositeKeyPrincipal = Error(
        "MORM0029", "Foreign key to an entity with a composite key",
        "'{0}.{1}' refers to '{2}', whose key has several columns; a single-column foreign key cannot reference it");

    public static readonly DiagnosticDescriptor NoEntities = Warning(
        "MORM0030", "Database has no entities",
        "The database class '{0}' has no entities: no class in this project has [Table]");

    public static readonly DiagnosticDescriptor HasOneNeedsUniqueForeignKey = Error(
        "MORM0031", "One-to-one relationship without a unique foreign key",
        "The one-to-one navigation '{0}.{1}' needs '{2}.{3}' to be unique; mark it [Unique] (otherwise use [HasMany])");

    public static readonly DiagnosticDescriptor DatabaseListsNonEntity = Error(
        "MORM0032", "Database lists a type that is not an entity",
        "The database class '{0}' lists '{1}', which has no [Table]; list entities only");

    public static readonly DiagnosticDescriptor InvalidPattern = Error(
        "MORM0033", "[Pattern] is not a valid regular expression",
        "The pattern of '{0}.{1}' is not a valid .NET regular expression: {2}");

    public static readonly DiagnosticDescriptor SecondConcurrencyToken = Error(
        "MORM0034", "More than one concurrency token",
        "'{0}' has two [ConcurrencyToken] properties, '{1}' and '{2}'; an entity has one version: remove one of them");

    public static readonly DiagnosticDescriptor SecondFilterColumn = Error(
        "MORM0040", "More than one column for a query filter",
        "'{0}' has two [{1}] properties, '{2}' and '{3}'; a row has one deleted mark and one tenant: remove one of them");

    public static readonly DiagnosticDescriptor MixedTenantKeys = Error(
        "MORM0041", "Tenant keys of different types",
        "The [TenantKey] of '{0}' is a '{1}', but the one of '{2}' in the same database '{3}' is a '{4}'; a database object serves one tenant, so every tenant key has one type");

    public static readonly DiagnosticDescriptor UntrackableProperty = Error(
        "MORM0042", "A property of a [TrackChanges] entity cannot record its changes",
        "'{0}.{1}' {2}");

    public static readonly DiagnosticDescriptor TooManyTrackedColumns = Error(
        "MORM0043", "Too many columns to track",
        "'{0}' updates {1} columns, and [TrackChanges] records at most 64; split the table, or remove [TrackChanges] to update every column");

    public static readonly DiagnosticDescriptor UnreadMigrationFile = Warning(
        "MORM0035", "Migration file not embedded",
        "The file '{0}' is in a migrations folder but is not named NNNN_Name.sql (digits, an underscore, letters, digits or underscores), so it is not embedded; rename it, for example to 0002_AddCityIndex.sql");

    public static readonly DiagnosticDescriptor DuplicateMigrationVersion = Error(
        "MORM0036", "Two migrations with one version",
        "'{0}' and '{1}' both have version {2} for the database '{3}'; each migration needs a version of its own");

    public static readonly DiagnosticDescriptor ModelChangedSinceSnapshot = Warning(
        "MORM0037", "Model changed since the last migration",
        "The model of '{0}' differs from '{1}', the schema its last migration leads to: {2}; add a migration for the change (dotnet microorm migrations add <Name>), or the database will not match the model");

    public static readonly DiagnosticDescriptor ConverterDoesNotFit = Error(
        "MORM0038", "Converter does not fit the property",
        "The converter '{0}' cannot store '{1}.{2}' ({3}): {4}; give the property a converter that implements IValueConverter<{3}, TColumn>");

    public static readonly DiagnosticDescriptor JsonContextDoesNotFit = Error(
        "MORM0039", "JSON context does not serialize the property",
        "The JSON context '{0}' cannot serialize '{1}.{2}' ({3}): {4}; name a System.Text.Json source-generated context with [JsonSerializable(typeof({3}))]");

    public static readonly DiagnosticDescriptor NonConstantSql = new(
        "MORM1001", "Non-constant SQL reaches an API that runs it as written",
        "The SQL passed to '{0}' is not a compile-time constant ({1}), so a value spliced into it could inject SQL; use the interpolated overload, whose holes become parameters, or pass a constant",
        Security, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnfilteredRawSql = new(
        "MORM1002", "Raw SQL names a table with query filters",
        "The SQL names the table '{0}', whose query filters ({1}) do not apply to raw SQL; add the conditions to the SQL, or query it through its table accessor",
        Security, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NullForNotNullColumn = new(
        "MORM1003", "Null for a NOT NULL column",
        "'{0}' is NOT NULL, so it cannot be {1} null; declare the property nullable to store NULL",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Mapping, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Usage, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
