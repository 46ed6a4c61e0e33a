using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes the runtime value converters of a model's columns: an adapter per user converter, and one per enum type
/// (to the underlying integer, or to and from the member name with <c>[StoreAsString]</c>, through switches the
/// compiler checks: no <c>Enum.Parse</c>, no reflection); and the module initializer that registers the assembly's
/// converters for raw SQL.
/// </summary>
internal static class ConverterEmitter
{
    /// <summary>
    /// An adapter per user converter, behind the runtime's object-based paths (conditions, In lists, projections);
    /// entities only: a <c>[Row]</c> type's reader calls the converter itself, and nothing else of it converts.
    /// </summary>
    public static void WriteAdapters(SourceWriter writer, EquatableArray<ColumnModel> columns)
    {
        foreach (var converter in columns.Where(c => c.Converter is not null).Select(c => c.Converter!).Distinct())
        {
            writer.Line();
            writer.Line(Literals.GeneratedCode);
            writer.Line($"private sealed class {converter.AdapterName} : {KnownNames.ValueConverter}");
            writer.Line("{").Indent();
            writer.Line($"internal static readonly {converter.AdapterName} Instance = new();");
            writer.Line();
            writer.Line($"public override object? ToDb(object? value) => value is {converter.ValueType} converted ? {converter.ConverterType}.ToColumn(converted) : value;");
            writer.Line();
            writer.Line($"public override object FromDb({KnownNames.DbDataReader} reader, int ordinal) => {converter.ConverterType}.FromColumn({RowReaderEmitter.Getter(converter.ColumnKind, "ordinal")})!;");
            writer.Outdent().Line("}");
        }
    }

    /// <summary>A converter per enum type the columns map.</summary>
    public static void WriteEnums(SourceWriter writer, EquatableArray<ColumnModel> columns)
    {
        var enums = columns.Where(c => c.Enum is not null).Select(c => c.Enum!).GroupBy(e => (e.TypeName, e.StoreAsString)).Select(g => g.First());
        foreach (var enumModel in enums)
        {
            writer.Line();
            writer.Line(Literals.GeneratedCode);
            writer.Line($"private sealed class {Name(enumModel)} : {KnownNames.ValueConverter}");
            writer.Line("{").Indent();
            writer.Line($"internal static readonly {Name(enumModel)} Instance = new();");
            writer.Line();
            if (enumModel.StoreAsString)
            {
                writer.Line($"public override object? ToDb(object? value) => value is {enumModel.TypeName} member ? NameOf(member) ?? throw new {KnownNames.ArgumentException}(\"The value is not a named member of the enum, so it has no name to store.\") : value;");
                writer.Line();
                writer.Line($"public override object FromDb({KnownNames.DbDataReader} reader, int ordinal) => Parse(reader.GetString(ordinal));");
                writer.Line();
                writer.Line($"internal static string? NameOf({enumModel.TypeName} value) => value switch");
                writer.Line("{").Indent();
                foreach (var member in enumModel.Members) writer.Line($"{enumModel.TypeName}.{member} => {Literals.String(member)},");
                writer.Line("_ => null,");
                writer.Outdent().Line("};");
                writer.Line();
                writer.Line($"internal static {enumModel.TypeName} Parse(string name) => name switch");
                writer.Line("{").Indent();
                foreach (var member in enumModel.Members) writer.Line($"{Literals.String(member)} => {enumModel.TypeName}.{member},");
                writer.Line($"_ => throw {KnownNames.ReadErrors}.UnknownEnumName(typeof({enumModel.TypeName})),");
                writer.Outdent().Line("};");
            }
            else
            {
                writer.Line($"public override object? ToDb(object? value) => value is {enumModel.TypeName} member ? ({enumModel.UnderlyingType})member : value;");
                writer.Line();
                writer.Line($"public override object FromDb({KnownNames.DbDataReader} reader, int ordinal) => ({enumModel.TypeName}){RowReaderEmitter.Getter(enumModel.UnderlyingKind, "ordinal")};");
            }

            writer.Outdent().Line("}");
        }
    }

    public static string Name(EnumModel enumModel) =>
        "MicroOrm" + new string(enumModel.TypeName.Replace("global::", "").Where(char.IsLetterOrDigit).ToArray()) + (enumModel.StoreAsString ? "NameConverter" : "Converter");

    /// <summary>
    /// The assembly's converters, registered when it loads, so that raw SQL converts values of those types too: the
    /// holes of an interpolated query, and the values, tuples and <c>[Row]</c> types it reads.
    /// </summary>
    public static string Registration(EquatableArray<ConverterModel> converters)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace MicroOrm.Generated");
        writer.Line(Literals.GeneratedCode);
        writer.Open("internal static class MicroOrmConverterRegistration");
        writer.Line($"[{KnownNames.ModuleInitializer}]");
        writer.Open("internal static void Register()");
        foreach (var converter in converters)
        {
            var method = converter.ValueIsValueType ? "RegisterNullable" : "Register";
            writer.Line($"{KnownNames.Converters}.{method}<{converter.ValueType}, {converter.ColumnType}, {converter.ConverterType}>();");
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
