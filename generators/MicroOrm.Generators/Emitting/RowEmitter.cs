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

        writer.Open($"partial {row.Kind} {row.Name} : global::MicroOrm.Mapping.IRow<{row.FullName}>");
        writer.Line($"static global::MicroOrm.Mapping.RowReader<{row.FullName}> global::MicroOrm.Mapping.IRow<{row.FullName}>.CreateReader(global::System.Data.Common.DbDataReader reader) => MicroOrmRowReader.Resolve(reader);");
        writer.Line();
        writer.Line($"static global::System.Collections.Generic.IReadOnlyList<string> global::MicroOrm.Mapping.IRow<{row.FullName}>.ColumnNames {{ get; }} = new string[] {{ {string.Join(", ", RowReaderEmitter.MatchedNames(row.Columns).Select(Literals.String))} }};");
        writer.Line();
        writer.Line(Literals.GeneratedCode);
        writer.Open("private static class MicroOrmMap");
        foreach (var column in row.Columns)
        {
            var converter = column.Enum is { } enumModel ? $", {ConverterEmitter.Name(enumModel)}.Instance" : "";
            writer.Line($"internal static readonly global::MicroOrm.Mapping.ColumnInfo {column.PropertyName}Column = new(\"\", {Literals.String(column.ColumnName)}, {Literals.String(column.PropertyName)}, typeof({column.TypeOfName}), {Literals.String(column.SqlType)}, {column.Ordinal}, {(column.IsNullable ? "global::MicroOrm.Mapping.ColumnFlags.Nullable" : "global::MicroOrm.Mapping.ColumnFlags.None")}, {column.MaxLength}{converter});");
        }

        writer.Line();
        writer.Line($"internal static readonly global::MicroOrm.Mapping.ColumnInfo[] Columns = {Literals.Array("global::MicroOrm.Mapping.ColumnInfo", row.Columns.Select(c => c.PropertyName + "Column"))};");
        writer.Close();
        writer.Line();
        RowReaderEmitter.Write(writer, row.Name, row.FullName, row.Columns, row.Construction, "MicroOrmMap.Columns");
        ConverterEmitter.Write(writer, row.Columns);
        writer.Close();

        if (hasNamespace) writer.Close();
        return writer.ToString();
    }
}
