using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Data.Common;
using System.Data.SqlTypes;

namespace MicroOrm.Mapping;

/// <summary>
/// Builds the exceptions a generated row reader throws. They name the table, the column, the property and the types
/// involved, never the value itself (it may be a secret).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReadErrors
{
    /// <summary>Whether <paramref name="exception"/> is a failure to convert a column value, rather than an I/O or cancellation failure.</summary>
    public static bool IsConversionFailure(Exception exception) =>
        exception is InvalidCastException or SqlNullValueException or OverflowException or FormatException or MappingException;

    /// <summary>The result set lacks a column for a non-nullable property.</summary>
    public static MappingException MissingColumn(IReadOnlyList<ColumnInfo> columns, int column, DbDataReader reader)
    {
        var info = columns[column];
        var present = new string[reader.FieldCount];
        for (var i = 0; i < present.Length; i++) present[i] = reader.GetName(i);
        return new MappingException(
            $"The result set has no column for {Describe(info)}, which is not nullable; select `{info.Name}` or alias a column to that name. Columns present: {string.Join(", ", present)}.",
            null, info.Table, info.Name);
    }

    /// <summary>A column's value could not be read into its property.</summary>
    public static MappingException ColumnFailed(IReadOnlyList<ColumnInfo> columns, int column, DbDataReader reader, int ordinal, Exception exception)
    {
        var info = columns[column];
        string problem;
        if (ordinal >= 0 && reader.IsDBNull(ordinal))
        {
            problem = "the value is NULL but the property is not nullable; make the property nullable or the column NOT NULL";
        }
        else
        {
            var sqlType = ordinal >= 0 ? reader.GetDataTypeName(ordinal) : "?";
            var fieldType = ordinal >= 0 ? reader.GetFieldType(ordinal).Name : "?";
            problem = $"a {sqlType} value (read as {fieldType}) does not convert to {TypeName(info.ClrType)}: {exception.GetType().Name}";
        }

        return new MappingException($"Cannot read {Describe(info)}: {problem}.", exception, info.Table, info.Name);
    }

    /// <summary>A stored name is not a member of the enum the property has.</summary>
    public static FormatException UnknownEnumName(Type enumType) =>
        new($"The stored name is not a member of {enumType.Name}.");

    private static string Describe(ColumnInfo info) =>
        info.Table.Length > 0
            ? $"column `{info.Table}`.`{info.Name}` into property {info.PropertyName} ({TypeName(info.ClrType)})"
            : $"column `{info.Name}` into property {info.PropertyName} ({TypeName(info.ClrType)})";

    internal static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;
}
