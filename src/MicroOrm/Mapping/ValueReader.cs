using System;
using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// Reads one value of type <typeparamref name="T"/> with the typed getter for that type, for projections and scalar
/// results. The getter is chosen once per type, by type comparisons the JIT and the AOT compiler both fold: no
/// reflection.
/// </summary>
internal static class ValueReader<T>
{
    private static readonly Func<DbDataReader, int, T>? Getter = CreateGetter();

    public static bool IsSupported => Getter is not null || ConverterFor<T>.FromColumn is not null;

    public static T Read(DbDataReader reader, int ordinal, ColumnInfo? column)
    {
        if (reader.IsDBNull(ordinal))
        {
            if (default(T) is null) return default!;
            throw NullIntoNonNullable(column);
        }

        if (column?.Converter is { } converter) return (T)converter.FromDb(reader, ordinal);
        if (ConverterFor<T>.FromColumn is { } convert) return convert(reader, ordinal);
        if (Getter is null)
        {
            throw new NotSupportedException($"MicroOrm cannot read a {typeof(T).Name}: project to a supported type (numbers, string, bool, Guid, dates and times, byte[]).");
        }

        return Getter(reader, ordinal);
    }

    private static MappingException NullIntoNonNullable(ColumnInfo? column) => column is null
        ? new MappingException($"The query returned NULL for a value of type {typeof(T).Name}, which cannot hold it; project to {typeof(T).Name}? instead.", null, null, null)
        : new MappingException($"Column `{column.Table}`.`{column.Name}` is NULL, which {typeof(T).Name} cannot hold; project to {typeof(T).Name}? instead.", null, column.Table, column.Name);

    private static Func<DbDataReader, int, T>? CreateGetter()
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object? getter =
            type == typeof(bool) ? Value<bool>(static (r, i) => r.GetBoolean(i)) :
            type == typeof(sbyte) ? Value<sbyte>(static (r, i) => r.GetFieldValue<sbyte>(i)) :
            type == typeof(byte) ? Value<byte>(static (r, i) => r.GetByte(i)) :
            type == typeof(short) ? Value<short>(static (r, i) => r.GetInt16(i)) :
            type == typeof(ushort) ? Value<ushort>(static (r, i) => r.GetFieldValue<ushort>(i)) :
            type == typeof(int) ? Value<int>(static (r, i) => r.GetInt32(i)) :
            type == typeof(uint) ? Value<uint>(static (r, i) => r.GetFieldValue<uint>(i)) :
            type == typeof(long) ? Value<long>(static (r, i) => r.GetInt64(i)) :
            type == typeof(ulong) ? Value<ulong>(static (r, i) => r.GetFieldValue<ulong>(i)) :
            type == typeof(float) ? Value<float>(static (r, i) => (float)r.GetDouble(i)) :
            type == typeof(double) ? Value<double>(static (r, i) => r.GetDouble(i)) :
            type == typeof(decimal) ? Value<decimal>(static (r, i) => r.GetDecimal(i)) :
            type == typeof(string) ? Reference<string>(static (r, i) => r.GetString(i)) :
            type == typeof(char) ? Value<char>(static (r, i) => r.GetChar(i)) :
            type == typeof(byte[]) ? Reference<byte[]>(static (r, i) => r.GetFieldValue<byte[]>(i)) :
            type == typeof(Guid) ? Value<Guid>(static (r, i) => r.GetGuid(i)) :
            type == typeof(DateTime) ? Value<DateTime>(static (r, i) => r.GetDateTime(i)) :
            type == typeof(DateTimeOffset) ? Value<DateTimeOffset>(static (r, i) => r.GetFieldValue<DateTimeOffset>(i)) :
            type == typeof(DateOnly) ? Value<DateOnly>(static (r, i) => r.GetFieldValue<DateOnly>(i)) :
            type == typeof(TimeOnly) ? Value<TimeOnly>(static (r, i) => r.GetFieldValue<TimeOnly>(i)) :
            type == typeof(TimeSpan) ? Value<TimeSpan>(static (r, i) => r.GetFieldValue<TimeSpan>(i)) :
            null;
        return (Func<DbDataReader, int, T>?)getter;
    }

    /// <summary>Adapts a getter of a value type to <typeparamref name="T"/>, which is that type or its <see cref="Nullable{T}"/>.</summary>
    private static object Value<TValue>(Func<DbDataReader, int, TValue> getter)
        where TValue : struct =>
        typeof(T) == typeof(TValue) ? getter : new Func<DbDataReader, int, TValue?>((r, i) => getter(r, i));

    /// <summary>A getter of a reference type serves both its annotated and unannotated forms.</summary>
    private static object Reference<TValue>(Func<DbDataReader, int, TValue> getter)
        where TValue : class => getter;
}

/// <summary>Non-generic entry point, for call sites that know the column.</summary>
internal static class ValueReader
{
    public static T Read<T>(DbDataReader reader, int ordinal, ColumnInfo? column) => ValueReader<T>.Read(reader, ordinal, column);
}
