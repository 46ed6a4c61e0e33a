using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>Writes a <c>[Row]</c> type's file: its column metadata, its by-name row reader and its enum converters.</summary>
internal static class RowEmitter
{
    public static string Emit(RowModel row)
    {
        var writer = new SourceWriter().Header();
        var hasNamespace = row.Namespace.Length > 0;
        if (hasNamespace) writer.Open("namespace " + row.Namespace);

        writer.Open($"partial {row.Kind} {row.Name} : {KnownNames.IRow}<{row.FullName}>");
        writer.Line($"static {KnownNames.RowReader}<{row.FullName}> {KnownNames.IRow}<{row.FullName}>.CreateReader({KnownNames.DbDataReader} reader) => MicroOrmRowReader.Resolve(reader);");
        writer.Line();
        writer.Line($"static {KnownNames.IReadOnlyList}<string> {KnownNames.IRow}<{row.FullName}>.ColumnNames {{ get; }} = new string[] {{ {string.Join(", ", RowReaderEmitter.MatchedNames(row.Columns).Select(Literals.String))} }};");
        writer.Line();
        writer.Line(Literals.GeneratedCode);
        writer.Open("private static class MicroOrmMap");
        foreach (var column in row.Columns)
        {
            var converter = column.Enum is { } enumModel ? $", {ConverterEmitter.Name(enumModel)}.Instance" : "";
            writer.Line($"internal static readonly {KnownNames.ColumnInfo} {column.PropertyName}Column = new(\"\", {Literals.String(column.ColumnName)}, {Literals.String(column.PropertyName)}, typeof({column.TypeOfName}), {Literals.String(column.SqlType)}, {column.Ordinal}, {(column.IsNullable ? $"{KnownNames.ColumnFlags}.Nullable" : $"{KnownNames.ColumnFlags}.None")}, {column.MaxLength}{converter});");
        }

        writer.Line();
        writer.Line($"internal static readonly {KnownNames.ColumnInfo}[] Columns = {Literals.Array(KnownNames.ColumnInfo, row.Columns.Select(c => c.PropertyName + "Column"))};");
        writer.Close();
        writer.Line();
        RowReaderEmitter.Write(writer, row.Name, row.FullName, row.Columns, row.Construction, "MicroOrmMap.Columns");
        ConverterEmitter.WriteEnums(writer, row.Columns);
        writer.Close();

        if (hasNamespace) writer.Close();
        return writer.ToString();
    }
}
