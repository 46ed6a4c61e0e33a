using System;

namespace MicroOrm.Mapping;

/// <summary>A mapped column as the generator described it.</summary>
public sealed class ColumnInfo
{
    /// <summary>Created by generated code.</summary>
    public ColumnInfo(
        string table, string name, string propertyName, Type clrType, string sqlType, int ordinal, ColumnFlags flags, int maxLength = 0,
        ValueConverter? converter = null, ValueValidator? validator = null, CheckInfo? check = null, string? was = null)
    {
        Converter = converter;
        Validator = validator;
        Check = check;
        PreviousName = was;
        Table = table;
        Name = name;
        QuotedName = SqlIdentifier.Quote(name);
        PropertyName = propertyName;
        ClrType = clrType;
        SqlType = sqlType;
        Ordinal = ordinal;
        Flags = flags;
        MaxLength = maxLength;
    }

    /// <summary>The table the column belongs to, unquoted.</summary>
    public string Table { get; }

    /// <summary>The column name, unquoted.</summary>
    public string Name { get; }

    /// <summary>The column name quoted with backticks.</summary>
    public string QuotedName { get; }

    /// <summary>The property the column maps to.</summary>
    public string PropertyName { get; }

    /// <summary>The property's type (with <see cref="Nullable{T}"/> for nullable value types).</summary>
    public Type ClrType { get; }

    /// <summary>The SQL type in the DDL, for example <c>VARCHAR(128)</c>.</summary>
    public string SqlType { get; }

    /// <summary>The column's position in <see cref="TableInfo.Columns"/>.</summary>
    public int Ordinal { get; }

    /// <summary>Key, nullability, generation and timestamp roles.</summary>
    public ColumnFlags Flags { get; }

    /// <summary>The maximum length in characters or bytes, or 0 when unbounded or not applicable.</summary>
    public int MaxLength { get; }

    /// <summary>The conversion between property values and stored values, for enum properties; otherwise <see langword="null"/>.</summary>
    public ValueConverter? Converter { get; }

    /// <summary>The column's generated checks, or <see langword="null"/> when a value of its type always fits.</summary>
    public ValueValidator? Validator { get; }

    /// <summary>The column's previous name (<c>[Column(Was = ...)]</c>), which a migration renames to <see cref="Name"/>; or <see langword="null"/>.</summary>
    public string? PreviousName { get; }

    /// <summary>The column's <c>CHECK</c> constraint (from <c>[Range]</c>), or <see langword="null"/>.</summary>
    public CheckInfo? Check { get; }

    /// <summary>The name of the column's <c>CHECK</c> constraint (from <c>[Range]</c>), or <see langword="null"/>.</summary>
    public string? CheckConstraint => Check?.Name;

    /// <summary>The value to send as a parameter for the property value <paramref name="value"/>.</summary>
    /// <remarks>
    /// A float is sent widened to double: the shortest text that round-trips a float (<c>3.4028235E+38</c> for
    /// float.MaxValue) can lie just outside FLOAT's range once the server parses it as a double, while the exact double
    /// always rounds back to the same float.
    /// </remarks>
    public object? ToDbValue<T>(T value) => value switch
    {
        float single => (double)single,
        _ when Converter is { } converter => converter.ToDb(value),
        _ => value,
    };

    /// <summary>For a value inside a JSON column: its path (<c>$.theme</c>), which the SQL writer sends as a parameter; else <see langword="null"/>.</summary>
    internal string? JsonPathText { get; private init; }

    /// <summary>The value at <paramref name="path"/> inside the JSON column <paramref name="json"/>, read as <paramref name="valueType"/>; NULL where the path leads nowhere.</summary>
    internal static ColumnInfo JsonPath(ColumnInfo json, string path, Type valueType) =>
        new(json.Table, json.Name, json.PropertyName + path.Substring(1), valueType, "", json.Ordinal, ColumnFlags.Nullable) { JsonPathText = path };

    /// <summary>Whether the column is part of the primary key.</summary>
    public bool IsKey => (Flags & ColumnFlags.Key) != 0;

    /// <summary>Whether the server generates the value on insert.</summary>
    public bool IsAutoIncrement => (Flags & ColumnFlags.AutoIncrement) != 0;

    /// <summary>Whether the property accepts null.</summary>
    public bool IsNullable => (Flags & ColumnFlags.Nullable) != 0;

    /// <summary>Whether the table declares the column NULL: a nullable property, unless <c>[Required]</c>.</summary>
    public bool IsNullableInDatabase => (Flags & (ColumnFlags.Nullable | ColumnFlags.Required)) == ColumnFlags.Nullable;

    /// <inheritdoc />
    public override string ToString() => Table + "." + Name;
}
