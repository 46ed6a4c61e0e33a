using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes <c>Validate</c>: one check per column whose type can hold values the column cannot (lengths, precision,
/// ranges, NULL in a NOT NULL column, lone surrogates, NaN), so a bad value is refused before anything is sent.
/// </summary>
internal static class ValidatorEmitter
{
    public static void Write(SourceWriter writer, EntityModel entity)
    {
        writer.Line($"public override void Validate({entity.FullName} entity, global::MicroOrm.Mapping.ValidationErrors errors, bool inserting)");
        writer.Line("{").Indent();
        foreach (var column in entity.Columns)
        {
            // An update does not send [CreatedAt], so only an insert checks it.
            var prefix = column.Role == ColumnRole.CreatedAt ? "if (inserting) " : "";
            foreach (var line in Checks(column)) writer.Line(prefix + line);
        }

        writer.Outdent().Line("}");
    }

    private static System.Collections.Generic.IEnumerable<string> Checks(ColumnModel column)
    {
        var info = EntityEmitter.InfoField(column).Substring("MicroOrmMap.".Length);
        var access = "entity." + column.PropertyName;
        const string checks = "global::MicroOrm.Mapping.ValueChecks";
        var isReference = column.Kind is ValueKind.String or ValueKind.Bytes;
        if (isReference && !column.IsNullable) yield return $"{checks}.NotNull({access}, {info}, errors);";

        // For nullable value types, check the value when there is one.
        string Value(string check) => column.IsNullableValueType
            ? $"if ({access} is {{ }} {Literals.Local(column.PropertyName)}) {check.Replace("VALUE", Literals.Local(column.PropertyName))}"
            : check.Replace("VALUE", access);

        switch (column.Kind)
        {
            case ValueKind.String:
                if (column.MaxLength > 0 && !column.SqlType.EndsWith("TEXT") && column.SqlType.StartsWith("VARCHAR")) yield return $"{checks}.Length({access}, {column.MaxLength}, {info}, errors);";
                else if (column.MaxLength > 0) yield return $"{checks}.Length({access}, {column.MaxLength}, {info}, errors);";
                yield return $"{checks}.WellFormed({access}, {info}, errors);";
                break;
            case ValueKind.Bytes when column.MaxLength > 0:
                yield return $"{checks}.Length({access}, {column.MaxLength}, {info}, errors);";
                break;
            case ValueKind.Char:
                yield return Value($"{checks}.Character(VALUE, {info}, errors);");
                break;
            case ValueKind.Decimal:
                yield return Value($"{checks}.Decimal(VALUE, {column.Precision}, {column.Scale}, {info}, errors);");
                break;
            case ValueKind.Single or ValueKind.Double:
                yield return Value($"{checks}.Finite(VALUE, {info}, errors);");
                break;
            case ValueKind.DateTime:
                yield return Value($"{checks}.DateTime(VALUE, {info}, errors);");
                break;
            case ValueKind.DateTimeOffset:
                yield return Value($"{checks}.DateTimeOffset(VALUE, {info}, errors);");
                break;
            case ValueKind.DateOnly:
                yield return Value($"{checks}.Date(VALUE, {info}, errors);");
                break;
            case ValueKind.TimeSpan:
                yield return Value($"{checks}.Time(VALUE, {info}, errors);");
                break;
            case ValueKind.Enum when column.Enum is { StoreAsString: true } enumModel:
                yield return Value($"if ({ConverterEmitter.Name(enumModel)}.NameOf(VALUE) is null) errors.Add({info}, \"is not a named member of {enumModel.TypeName.Split(':').Last().Split('.').Last()}\");");
                break;
        }
    }
}
