using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes the row readers of a mapped type: one whose ordinals are resolved once per result set (by name, or offset
/// for a table placed beside others in a join), and, for an entity, one that reads the columns at the constant
/// positions the library's own SELECT list puts them in (<c>reader.GetInt32(0)</c>), which the JIT can fold. Both make
/// one typed getter call per column, with no boxing and no IsDBNull on NOT NULL columns. A read that fails is reported
/// with the table, the column and the types involved.
/// </summary>
internal static class RowReaderEmitter
{
    public static void Write(SourceWriter writer, string typeName, string fullName, EquatableArray<ColumnModel> columns, ConstructionModel construction, string columnsExpression, bool acceptChanges = false)
    {
        writer.Line(Literals.GeneratedCode);
        writer.Open($"private sealed class MicroOrmRowReader : {KnownNames.RowReader}<{fullName}>");
        foreach (var column in columns)
        {
            writer.Line($"private readonly int {Field(column)};");
        }

        writer.Line();
        writer.Open($"internal MicroOrmRowReader({string.Join(", ", columns.Select(c => "int " + Literals.Local(c.PropertyName)))})");
        foreach (var column in columns)
        {
            writer.Line($"{Field(column)} = {Literals.Local(column.PropertyName)};");
        }

        writer.Close();
        writer.Line();
        WriteResolve(writer, columns, columnsExpression);
        writer.Line();
        WriteRead(writer, fullName, columns, construction, columnsExpression, Field, resolved: true, acceptChanges);
        writer.Line();
        writer.Line("private int OrdinalOf(int column) => column switch");
        writer.Line("{");
        writer.Indent();
        foreach (var column in columns)
        {
            writer.Line($"{column.Ordinal} => {Field(column)},");
        }

        writer.Line("_ => -1,");
        writer.Outdent();
        writer.Line("};");
        writer.Close();
    }

    /// <summary>
    /// The reader of the library's own SELECTs, whose column order the generator wrote: every ordinal is a constant,
    /// and no column can be missing.
    /// </summary>
    public static void WriteOrdered(SourceWriter writer, string fullName, EquatableArray<ColumnModel> columns, ConstructionModel construction, string columnsExpression, bool acceptChanges = false)
    {
        writer.Line(Literals.GeneratedCode);
        writer.Open($"private sealed class MicroOrmOrderedReader : {KnownNames.RowReader}<{fullName}>");
        writer.Line("internal static readonly MicroOrmOrderedReader Instance = new();");
        writer.Line();
        WriteRead(writer, fullName, columns, construction, columnsExpression, static c => c.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), resolved: false, acceptChanges);
        writer.Close();
    }

    private static void WriteResolve(SourceWriter writer, EquatableArray<ColumnModel> columns, string columnsExpression)
    {
        writer.Line("/// <summary>Finds each column by name (case-insensitive, underscores ignored), the first of duplicates winning.</summary>");
        writer.Open($"internal static MicroOrmRowReader Resolve({KnownNames.DbDataReader} reader)");
        foreach (var column in columns)
        {
            writer.Line($"var {Literals.Local(column.PropertyName)} = -1;");
        }

        writer.Open("for (var index = 0; index < reader.FieldCount; index++)");
        writer.Open($"switch ({KnownNames.ColumnNames}.Normalize(reader.GetName(index)))");
        foreach (var column in columns)
        {
            var names = new[] { Normalize(column.ColumnName), Normalize(column.PropertyName) }.Distinct();
            foreach (var name in names)
            {
                writer.Line($"case {Literals.String(name)}:");
            }

            var local = Literals.Local(column.PropertyName);
            writer.Indent().Line($"if ({local} < 0) {local} = index;").Line("break;").Outdent();
        }

        writer.Close();
        writer.Close();
        writer.Line();
        foreach (var column in columns.Where(c => !c.IsNullable))
        {
            writer.Line($"if ({Literals.Local(column.PropertyName)} < 0) throw {KnownNames.ReadErrors}.MissingColumn({columnsExpression}, {column.Ordinal}, reader);");
        }

        writer.Line($"return new MicroOrmRowReader({string.Join(", ", columns.Select(c => Literals.Local(c.PropertyName)))});");
        writer.Close();
    }

    private static void WriteRead(
        SourceWriter writer, string fullName, EquatableArray<ColumnModel> columns, ConstructionModel construction, string columnsExpression, System.Func<ColumnModel, string> ordinal, bool resolved, bool acceptChanges)
    {
        writer.Open($"public override {fullName} Read({KnownNames.DbDataReader} reader)");
        writer.Line("var column = 0;");
        writer.Open("try");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (i > 0) writer.Line($"column = {column.Ordinal};");
            writer.Line($"{column.AnnotatedType} {Literals.Local(column.PropertyName)} = {ReadExpression(column, ordinal(column), resolved)};");
        }

        var arguments = construction.ConstructorProperties.Select(p => Literals.Local(p));
        var initialized = columns.Where(c => c.IsSettable).ToList();
        // A tracked entity is created, then its mask cleared: setting the values read is not a change.
        var create = acceptChanges ? "var entity = new" : "return new";
        if (initialized.Count == 0)
        {
            writer.Line($"{create} {fullName}({string.Join(", ", arguments)});");
        }
        else
        {
            writer.Line($"{create} {fullName}({string.Join(", ", arguments)})");
            writer.Line("{");
            writer.Indent();
            foreach (var column in initialized)
            {
                writer.Line($"{column.PropertyName} = {Literals.Local(column.PropertyName)},");
            }

            writer.Outdent();
            writer.Line("};");
        }

        if (acceptChanges)
        {
            writer.Line(ChangeTrackingEmitter.AcceptRead("entity"));
            writer.Line("return entity;");
        }
        writer.Close();
        writer.Line($"catch ({KnownNames.Exception} exception) when ({KnownNames.ReadErrors}.IsConversionFailure(exception))");
        writer.Line("{");
        writer.Indent().Line($"throw {KnownNames.ReadErrors}.ColumnFailed({columnsExpression}, column, reader, {(resolved ? "OrdinalOf(column)" : "column")}, exception);").Outdent();
        writer.Line("}");
        writer.Close();
    }

    /// <summary>
    /// The expression that reads one column; NOT NULL columns read straight through their typed getter. A resolved
    /// reader may lack a nullable column (it stays null); the ordered reader always has every column.
    /// </summary>
    private static string ReadExpression(ColumnModel column, string ordinal, bool resolved)
    {
        var read = TypedRead(column, ordinal);
        if (!column.IsNullable) return read;
        return resolved ? $"{ordinal} < 0 || reader.IsDBNull({ordinal}) ? null : {read}" : $"reader.IsDBNull({ordinal}) ? null : {read}";
    }

    private static string TypedRead(ColumnModel column, string ordinal)
    {
        if (column.Converter is { } converter) return $"{converter.ConverterType}.FromColumn({Getter(converter.ColumnKind, ordinal)})";

        if (column.Kind == ValueKind.Enum)
        {
            var enumModel = column.Enum!;
            return enumModel.StoreAsString
                ? $"{ConverterEmitter.Name(enumModel)}.Parse(reader.GetString({ordinal}))"
                : $"({enumModel.TypeName}){Getter(enumModel.UnderlyingKind, ordinal)}";
        }

        return Getter(column.Kind, ordinal);
    }

    internal static string Getter(ValueKind kind, string ordinal) => kind switch
    {
        ValueKind.Boolean => $"reader.GetBoolean({ordinal})",
        ValueKind.SByte => $"reader.GetFieldValue<sbyte>({ordinal})",
        ValueKind.Byte => $"reader.GetByte({ordinal})",
        ValueKind.Int16 => $"reader.GetInt16({ordinal})",
        ValueKind.UInt16 => $"reader.GetFieldValue<ushort>({ordinal})",
        ValueKind.Int32 => $"reader.GetInt32({ordinal})",
        ValueKind.UInt32 => $"reader.GetFieldValue<uint>({ordinal})",
        ValueKind.Int64 => $"reader.GetInt64({ordinal})",
        ValueKind.UInt64 => $"reader.GetFieldValue<ulong>({ordinal})",
        ValueKind.Single => $"(float)reader.GetDouble({ordinal})",
        ValueKind.Double => $"reader.GetDouble({ordinal})",
        ValueKind.Decimal => $"reader.GetDecimal({ordinal})",
        ValueKind.String => $"reader.GetString({ordinal})",
        ValueKind.Char => $"reader.GetChar({ordinal})",
        ValueKind.Bytes => $"reader.GetFieldValue<byte[]>({ordinal})",
        ValueKind.Guid => $"reader.GetGuid({ordinal})",
        ValueKind.DateTime => $"reader.GetDateTime({ordinal})",
        ValueKind.DateTimeOffset => $"reader.GetFieldValue<{KnownNames.DateTimeOffset}>({ordinal})",
        ValueKind.DateOnly => $"reader.GetFieldValue<{KnownNames.DateOnly}>({ordinal})",
        ValueKind.TimeOnly => $"reader.GetFieldValue<{KnownNames.TimeOnly}>({ordinal})",
        ValueKind.TimeSpan => $"reader.GetFieldValue<{KnownNames.TimeSpan}>({ordinal})",
        _ => $"reader.GetString({ordinal})",
    };

    private static string Field(ColumnModel column) => "_" + Parsing.Naming.ToCamelCase(column.PropertyName);

    /// <summary>The normalized names a reader matches: column name and property name of every column.</summary>
    internal static System.Collections.Generic.IEnumerable<string> MatchedNames(EquatableArray<ColumnModel> columns) =>
        columns.SelectMany(c => new[] { Normalize(c.ColumnName), Normalize(c.PropertyName) }).Distinct();

    private static string Normalize(string name) => new string(name.Where(c => c != '_').ToArray()).ToLowerInvariant();
}
