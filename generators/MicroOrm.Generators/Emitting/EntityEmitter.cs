using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes one entity's file (<c>State.g.cs</c>): the typed column set, the map with the table's metadata and DDL, and
/// the row reader. Everything is nested in the entity so private setters and constructors stay usable.
/// </summary>
internal static class EntityEmitter
{
    public static string Emit(EntityModel entity)
    {
        var writer = new SourceWriter().Header();
        var hasNamespace = entity.Namespace.Length > 0;
        if (hasNamespace) writer.Open("namespace " + entity.Namespace);

        var entityInterface = $"{KnownNames.IEntity}<{entity.FullName}, {entity.ColumnsTypeName}, {entity.KeyType}>";
        writer.Open($"partial {(entity.IsRecord ? "record" : "class")} {entity.Name} : {entityInterface}");
        writer.Line($"static {KnownNames.EntityMap}<{entity.FullName}, {entity.ColumnsTypeName}, {entity.KeyType}> {entityInterface}.Map => MicroOrmMap.Instance;");
        writer.Line();
        writer.Line($"static {KnownNames.RowReader}<{entity.FullName}> {KnownNames.IRow}<{entity.FullName}>.CreateReader({KnownNames.DbDataReader} reader) => MicroOrmRowReader.Resolve(reader);");
        writer.Line();
        writer.Line($"static {KnownNames.IReadOnlyList}<string> {KnownNames.IRow}<{entity.FullName}>.ColumnNames {{ get; }} = new string[] {{ {string.Join(", ", RowReaderEmitter.MatchedNames(entity.Columns).Select(Literals.String))} }};");
        writer.Line();
        if (entity.TracksChanges)
        {
            ChangeTrackingEmitter.WriteProperties(writer, entity);
            writer.Line();
        }

        WriteColumnSet(writer, entity);
        writer.Line();
        WriteMap(writer, entity);
        writer.Line();
        RowReaderEmitter.Write(writer, entity.Name, entity.FullName, entity.Columns, entity.Construction, "MicroOrmMap.TableInfo.Columns", entity.TracksChanges);
        writer.Line();
        RowReaderEmitter.WriteOrdered(writer, entity.FullName, entity.Columns, entity.Construction, "MicroOrmMap.TableInfo.Columns", entity.TracksChanges);
        ConverterEmitter.WriteAdapters(writer, entity.Columns);
        ConverterEmitter.WriteEnums(writer, entity.Columns);
        WriteJsonConverters(writer, entity);
        writer.Close();

        if (hasNamespace) writer.Close();
        return writer.ToString();
    }

    private static void WriteColumnSet(SourceWriter writer, EntityModel entity)
    {
        writer.Line($"/// <summary>The columns of the table <c>{entity.TableName}</c>, for typed queries over <see cref=\"{entity.Name}\"/>.</summary>");
        writer.Line(Literals.GeneratedCode);
        writer.Open($"public sealed class Columns : {KnownNames.ColumnSet}");
        writer.Open("internal Columns(int tableIndex) : base(tableIndex)");
        foreach (var column in entity.Columns)
        {
            writer.Line($"{column.PropertyName} = new({InfoField(column)}, tableIndex);");
        }

        writer.Close();
        foreach (var column in entity.Columns)
        {
            writer.Line();
            writer.Line($"/// <summary>The column <c>{column.ColumnName}</c> ({column.SqlType} {(column.IsNullableInDatabase ? "NULL" : "NOT NULL")}) of <see cref=\"{column.PropertyName}\"/>.</summary>");
            writer.Line($"public readonly {ColumnType(column)} {column.PropertyName};");
        }

        NavigationEmitter.WriteColumnSetMembers(writer, entity);
        writer.Close();
    }

    private static void WriteMap(SourceWriter writer, EntityModel entity)
    {
        var baseType = $"{KnownNames.EntityMap}<{entity.FullName}, {entity.ColumnsTypeName}, {entity.KeyType}>";
        writer.Line(Literals.GeneratedCode);
        writer.Open($"private sealed class MicroOrmMap : {baseType}");
        foreach (var column in entity.Columns)
        {
            var converter = column.Enum is { } enumModel ? $", {ConverterEmitter.Name(enumModel)}.Instance"
                : column.Converter is { } userConverter ? $", {userConverter.AdapterName}.Instance" : "";
            writer.Line($"internal static readonly {KnownNames.ColumnInfo} {InfoName(column)} = new({Literals.String(entity.TableName)}, {Literals.String(column.ColumnName)}, {Literals.String(column.PropertyName)}, typeof({column.TypeOfName}), {Literals.String(column.SqlType)}, {column.Ordinal}, {Flags(column)}, {column.MaxLength}{converter}{ValidatorEmitter.ValidatorArgument(column)}{ValidatorEmitter.CheckArgument(column)}{(column.Was is null ? "" : ", was: " + Literals.String(column.Was))});");
        }

        writer.Line();
        var columnList = string.Join(", ", entity.Columns.Select(c => InfoName(c)));
        var referenced = entity.Columns.Where(c => c.ForeignKey is not null && c.ForeignKey.PrincipalTable != entity.TableName)
            .Select(c => Literals.String(c.ForeignKey!.PrincipalTable)).Distinct();
        var keyList = string.Join(", ", StatementColumns.Keys(entity).Select(c => InfoName(c)));
        var indexes = entity.Indexes.Select(i => $"new {KnownNames.IndexInfo}({Literals.String(i.Name)}, {(i.IsUnique ? "true" : "false")}, new string[] {{ {string.Join(", ", i.Columns.Select(Literals.String))} }})");
        var foreignKeys = entity.Columns.Where(c => c.ForeignKey is not null).Select(c =>
            $"new {KnownNames.ForeignKeyInfo}({Literals.String(c.ForeignKey!.ConstraintName)}, {Literals.String(c.ColumnName)}, {Literals.String(c.ForeignKey.PrincipalTable)}, {Literals.String(c.ForeignKey.PrincipalColumn)}, {KnownNames.ReferentialAction}.{c.ForeignKey.OnDelete})");
        StatementEmitter.WriteConstants(writer, entity);
        writer.Line();
        writer.Line($"internal static readonly {KnownNames.TableInfo} TableInfo = new(");
        writer.Indent();
        writer.Line($"{Literals.String(entity.TableName)},");
        writer.Line($"{Literals.String(entity.Name)},");
        writer.Line($"new {KnownNames.ColumnInfo}[] {{ {columnList} }},");
        writer.Line($"new {KnownNames.ColumnInfo}[] {{ {keyList} }},");
        writer.Line("FixedSql,");
        writer.Line(Literals.Array("string", referenced) + ",");
        writer.Line(Literals.Array(KnownNames.IndexInfo, indexes) + ",");
        writer.Line(Literals.Array(KnownNames.ForeignKeyInfo, foreignKeys) + (entity.Was is null ? ");" : ","));
        if (entity.Was is not null) writer.Line($"was: {Literals.String(entity.Was)});");
        writer.Outdent();
        writer.Line();
        writer.Line($"private static readonly {entity.ColumnsTypeName}[] ColumnSets = {{ new(0), new(1), new(2), new(3) }};");
        writer.Line();
        writer.Line("internal static readonly MicroOrmMap Instance = new();");
        writer.Line();
        writer.Line($"public override {KnownNames.TableInfo} Table => TableInfo;");
        writer.Line();
        writer.Line($"public override {KnownNames.RowReader}<{entity.FullName}> OrdinalReader => MicroOrmOrderedReader.Instance;");
        writer.Line();
        writer.Line($"public override {KnownNames.RowReader}<{entity.FullName}> CreateReader({KnownNames.DbDataReader} reader) => MicroOrmRowReader.Resolve(reader);");
        writer.Line();
        writer.Line($"public override {entity.ColumnsTypeName} GetColumns(int tableIndex) => tableIndex < ColumnSets.Length ? ColumnSets[tableIndex] : new(tableIndex);");
        writer.Line();
        var offsets = string.Join(", ", entity.Columns.Select(c => c.Ordinal == 0 ? "firstOrdinal" : $"firstOrdinal + {c.Ordinal}"));
        writer.Line($"public override {KnownNames.RowReader}<{entity.FullName}> ReaderAt(int firstOrdinal) => firstOrdinal == 0 ? MicroOrmOrderedReader.Instance : new MicroOrmRowReader({offsets});");
        writer.Line();
        NavigationEmitter.WriteMapMembers(writer, entity);
        writer.Line();
        BinderEmitter.Write(writer, entity);
        if (entity.TracksChanges) ChangeTrackingEmitter.WriteMapMembers(writer, entity);
        writer.Line();
        ValidatorEmitter.Write(writer, entity);
        writer.Close();
    }

    internal static string InfoField(ColumnModel column) => "MicroOrmMap." + InfoName(column);

    /// <summary>The column's <c>ColumnInfo</c> field by its own name, for code inside the map class.</summary>
    internal static string InfoName(ColumnModel column) => column.PropertyName + "Column";

    private static string ColumnType(ColumnModel column) =>
        column.Converter is { JsonContext: not null } ? $"{KnownNames.JsonColumn}<{column.AnnotatedType}>" : $"{KnownNames.Column}<{column.AnnotatedType}>";

    /// <summary>
    /// The converter of each JSON property: System.Text.Json with the type information of the user's source-generated
    /// context, looked up once; no reflection, NativeAOT-clean.
    /// </summary>
    private static void WriteJsonConverters(SourceWriter writer, EntityModel entity)
    {
        foreach (var column in entity.Columns.Where(c => c.Converter is { JsonContext: not null }))
        {
            var converter = column.Converter!;
            var name = Parsing.ConverterParser.JsonConverterName(column.PropertyName);
            var typeInfo = $"{KnownNames.JsonTypeInfo}<{converter.ValueType}>";
            writer.Line();
            writer.Line($"/// <summary>Stores <see cref=\"{column.PropertyName}\"/> as JSON, serialized through <c>{converter.JsonContext!.Replace("global::", "")}</c>.</summary>");
            writer.Line(Literals.GeneratedCode);
            writer.Line($"[{KnownNames.EditorBrowsable}({KnownNames.EditorBrowsableState}.Never)]");
            writer.Open($"internal sealed class {name} : {KnownNames.IValueConverter}<{converter.ValueType}, string>");
            writer.Line($"private static readonly {typeInfo} TypeInfo = ({typeInfo}){converter.JsonContext}.Default.GetTypeInfo(typeof({converter.ValueType}))!;");
            writer.Line();
            writer.Line($"public static string ToColumn({converter.ValueType} value) => {KnownNames.JsonSerializer}.Serialize(value, TypeInfo);");
            writer.Line();
            writer.Line($"public static {converter.ValueType} FromColumn(string column) => {KnownNames.JsonSerializer}.Deserialize(column, TypeInfo)!;");
            writer.Close();
        }
    }

    private static string Flags(ColumnModel column)
    {
        var flags = new List<string>();
        if (column.IsKey) flags.Add("Key");
        if (column.IsAutoIncrement) flags.Add("AutoIncrement");
        if (column.IsNullable) flags.Add("Nullable");
        if (column.IsNullable && !column.IsNullableInDatabase) flags.Add("Required");
        if (column.Role == ColumnRole.CreatedAt) flags.Add("CreatedAt");
        if (column.Role == ColumnRole.UpdatedAt) flags.Add("UpdatedAt");
        if (column.ForeignKey is not null) flags.Add("ForeignKey");
        if (column.IsConcurrencyToken) flags.Add("ConcurrencyToken");
        if (column.IsSoftDelete) flags.Add("SoftDelete");
        if (column.IsTenantKey) flags.Add("TenantKey");
        if (flags.Count == 0) flags.Add("None");
        return string.Join(" | ", flags.Select(f => $"{KnownNames.ColumnFlags}.{f}"));
    }
}
