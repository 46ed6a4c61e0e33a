using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes the checks that refuse a bad value before anything is sent: one <c>Check{Property}</c> method per column
/// that needs any (lengths, precision, ranges, NULL in a NOT NULL column, lone surrogates, NaN, and the validation
/// attributes), <c>Validate</c> calling them for an entity, and the column's <c>ValueValidator</c> handing them to
/// query-level updates.
/// </summary>
internal static class ValidatorEmitter
{
    /// <summary>The <c>validator:</c> argument of the column's <c>ColumnInfo</c>, or an empty string when it has no checks.</summary>
    public static string ValidatorArgument(ColumnModel column) =>
        CheckLines(column).Any() ? $", validator: new {KnownNames.ValueValidator}<{column.AnnotatedType}>({MethodName(column)})" : "";

    /// <summary>
    /// The <c>check:</c> argument of the column's <c>ColumnInfo</c>, from <c>[Range]</c>: the CHECK constraint's name
    /// and SQL bounds. The dialect decides whether the table declares it (MySQL refuses one on a column that a
    /// referential action rewrites); the validator runs before every write either way.
    /// </summary>
    public static string CheckArgument(ColumnModel column) =>
        column.Validation?.Range is { } range
            ? $", check: new {KnownNames.CheckInfo}({Literals.String(range.ConstraintName)}, {Literals.String(range.MinimumText)}, {Literals.String(range.MaximumText)})"
            : "";

    public static void Write(SourceWriter writer, EntityModel entity)
    {
        writer.Line($"public override void Validate({entity.FullName} entity, {KnownNames.ValidationErrors} errors, bool inserting)");
        writer.Line("{").Indent();
        var checkedColumns = entity.Columns
            .Select(c => (Column: c, Lines: CheckLines(c).ToList()))
            .Where(c => c.Lines.Count > 0)
            .ToList();
        foreach (var (column, _) in checkedColumns)
        {
            // An update does not send [CreatedAt], so only an insert checks it.
            var prefix = column.Role == ColumnRole.CreatedAt ? "if (inserting) " : "";
            writer.Line($"{prefix}{MethodName(column)}(entity.{column.PropertyName}, errors);");
        }

        writer.Outdent().Line("}");
        foreach (var (column, lines) in checkedColumns)
        {
            writer.Line();
            if (column.Validation?.Pattern is { } pattern)
            {
                // Anchored so that the whole value must match, as validation attributes conventionally do.
                writer.Line($"private static readonly {KnownNames.Regex} {PatternField(column)} = new({Literals.String(@"\A(?:" + pattern + @")\z")}, {KnownNames.RegexOptions}.CultureInvariant, {KnownNames.TimeSpan}.FromSeconds(1));");
                writer.Line();
            }

            writer.Line($"internal static void {MethodName(column)}({column.AnnotatedType} value, {KnownNames.ValidationErrors} errors)");
            writer.Line("{").Indent();
            foreach (var line in lines) writer.Line(line);
            writer.Outdent().Line("}");
        }
    }

    private static string MethodName(ColumnModel column) => "Check" + column.PropertyName;

    private static string PatternField(ColumnModel column) => column.PropertyName + "Pattern";

    private static IEnumerable<string> CheckLines(ColumnModel column)
    {
        if (column.Converter is { } converter) return ConvertedCheckLines(column, converter);
        return PlainCheckLines(column);
    }

    /// <summary>
    /// A converted property is checked as the column will store it: the converter's value meets the stored type's
    /// checks (a length, a decimal's digits), so a value the column cannot hold is refused before anything is sent.
    /// </summary>
    private static IEnumerable<string> ConvertedCheckLines(ColumnModel column, ConverterModel converter)
    {
        var info = EntityEmitter.InfoName(column);
        var stored = column with { Kind = converter.ColumnKind, PropertyType = converter.ColumnType, IsNullable = false, IsNullableValueType = false, Validation = null, Converter = null };
        var isReference = !converter.ValueIsValueType;
        if (isReference && !column.IsNullable) yield return $"{KnownNames.ValueChecks}.NotNull(value, {info}, errors);";
        // A JSON document has no stored-type limit to check, and serializing it here would serialize it twice.
        if (converter.JsonContext is not null) yield break;
        var checks = string.Join(" ", PlainCheckLines(stored).Select(line => line.Replace("(value,", "(stored,").Replace("(value)", "(stored)")));
        if (checks.Length == 0) yield break;
        var convert = $"var stored = {converter.ConverterType}.ToColumn({(column.IsNullableValueType ? "present" : "value")});";
        yield return column.IsNullableValueType ? $"if (value is {{ }} present) {{ {convert} {checks} }}"
            : isReference ? $"if (value is not null) {{ {convert} {checks} }}"
            : $"{{ {convert} {checks} }}";
    }

    private static IEnumerable<string> PlainCheckLines(ColumnModel column)
    {
        var info = EntityEmitter.InfoName(column);
        var validation = column.Validation;
        var isReference = column.Kind is ValueKind.String or ValueKind.Bytes;

        // For nullable value types, check the value when there is one.
        string Value(string check) => column.IsNullableValueType
            ? $"if (value is {{ }} present) {check.Replace("VALUE", "present")}"
            : check.Replace("VALUE", "value");

        if (validation is { Required: true })
        {
            yield return column.Kind == ValueKind.String
                ? $"{KnownNames.ValueChecks}.Required(value, {(validation.AllowEmptyStrings ? "true" : "false")}, {info}, errors);"
                : $"{KnownNames.ValueChecks}.Required(value, {info}, errors);";
        }
        else if (isReference && !column.IsNullable)
        {
            yield return $"{KnownNames.ValueChecks}.NotNull(value, {info}, errors);";
        }

        switch (column.Kind)
        {
            case ValueKind.String:
                if (column.MaxLength > 0) yield return $"{KnownNames.ValueChecks}.Length(value, {column.MaxLength}, {info}, errors);";
                yield return $"{KnownNames.ValueChecks}.WellFormed(value, {info}, errors);";
                break;
            case ValueKind.Bytes when column.MaxLength > 0:
                yield return $"{KnownNames.ValueChecks}.Length(value, {column.MaxLength}, {info}, errors);";
                break;
            case ValueKind.Char:
                yield return Value($"{KnownNames.ValueChecks}.Character(VALUE, {info}, errors);");
                break;
            case ValueKind.Decimal:
                yield return Value($"{KnownNames.ValueChecks}.Decimal(VALUE, {column.Precision}, {column.Scale}, {info}, errors);");
                break;
            case ValueKind.Single or ValueKind.Double:
                yield return Value($"{KnownNames.ValueChecks}.Finite(VALUE, {info}, errors);");
                break;
            case ValueKind.DateTime:
                yield return Value($"{KnownNames.ValueChecks}.DateTime(VALUE, {info}, errors);");
                break;
            case ValueKind.DateTimeOffset:
                yield return Value($"{KnownNames.ValueChecks}.DateTimeOffset(VALUE, {info}, errors);");
                break;
            case ValueKind.DateOnly:
                yield return Value($"{KnownNames.ValueChecks}.Date(VALUE, {info}, errors);");
                break;
            case ValueKind.TimeSpan:
                yield return Value($"{KnownNames.ValueChecks}.Time(VALUE, {info}, errors);");
                break;
            case ValueKind.Enum when column.Enum is { StoreAsString: true } enumModel:
                yield return Value($"if ({ConverterEmitter.Name(enumModel)}.NameOf(VALUE) is null) errors.Add({info}, \"is not a named member of {enumModel.TypeName.Split(':').Last().Split('.').Last()}\");");
                break;
        }

        if (validation?.Range is { } range && (range.Minimum is not null || range.Maximum is not null))
        {
            var outside = string.Join(" || ", new[] { range.Minimum is null ? null : $"VALUE < {range.Minimum}", range.Maximum is null ? null : $"VALUE > {range.Maximum}" }.Where(t => t is not null));
            yield return Value($"if ({outside}) {KnownNames.ValueChecks}.OutOfRange({Literals.String(range.MinimumText)}, {Literals.String(range.MaximumText)}, {info}, errors);");
        }

        if (validation?.Pattern is { } pattern)
        {
            yield return $"{KnownNames.ValueChecks}.Matches(value, {PatternField(column)}, {Literals.String(pattern)}, {info}, errors);";
        }

        if (validation is { Email: true })
        {
            yield return $"{KnownNames.ValueChecks}.Email(value, {info}, errors);";
        }
    }
}
