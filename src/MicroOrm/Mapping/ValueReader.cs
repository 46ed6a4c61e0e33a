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

    public static bool IsSupported => Getter is not null;

    public static T Read(DbDataReader reader, int ordinal, ColumnInfo? column)
    {
        if (reader.IsDBNull(ordinal))
        {
            if (default(T) is null) return default!;
            throw NullIntoNonNullable(column);
        }

        if (column?.Converter is { } converter) return (T)converter.FromDb(reader, ordinal);
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
            type == typeof(bool) ? Wrap<bool>(static (r, i) => r.GetBoolean(i)) :
            type == typeof(sbyte) ? Wrap<sbyte>(static (r, i) => r.GetFieldValue<sbyte>(i)) :
            type == typeof(byte) ? Wrap<byte>(static (r, i) => r.GetByte(i)) :
            type == typeof(short) ? Wrap<short>(static (r, i) => r.GetInt16(i)) :
            type == typeof(ushort) ? Wrap<ushort>(static (r, i) => r.GetFieldValue<ushort>(i)) :
            type == typeof(int) ? Wrap<int>(static (r, i) => r.GetInt32(i)) :
            type == typeof(uint) ? Wrap<uint>(static (r, i) => r.GetFieldValue<uint>(i)) :
            type == typeof(long) ? Wrap<long>(static (r, i) => r.GetInt64(i)) :
            type == typeof(ulong) ? Wrap<ulong>(static (r, i) => r.GetFieldValue<ulong>(i)) :
            type == typeof(float) ? Wrap<float>(static (r, i) => (float)r.GetDouble(i)) :
            type == typeof(double) ? Wrap<double>(static (r, i) => r.GetDouble(i)) :
            type == typeof(decimal) ? Wrap<decimal>(static (r, i) => r.GetDecimal(i)) :
            type == typeof(string) ? Wrap<string>(static (r, i) => r.GetString(i)) :
            type == typeof(char) ? Wrap<char>(static (r, i) => r.GetChar(i)) :
            type == typeof(byte[]) ? Wrap<byte[]>(static (r, i) => r.GetFieldValue<byte[]>(i)) :
            type == typeof(Guid) ? Wrap<Guid>(static (r, i) => r.GetGuid(i)) :
            type == typeof(DateTime) ? Wrap<DateTime>(static (r, i) => r.GetDateTime(i)) :
            type == typeof(DateTimeOffset) ? Wrap<DateTimeOffset>(static (r, i) => r.GetFieldValue<DateTimeOffset>(i)) :
            type == typeof(DateOnly) ? Wrap<DateOnly>(static (r, i) => r.GetFieldValue<DateOnly>(i)) :
            type == typeof(TimeOnly) ? Wrap<TimeOnly>(static (r, i) => r.GetFieldValue<TimeOnly>(i)) :
            type == typeof(TimeSpan) ? Wrap<TimeSpan>(static (r, i) => r.GetFieldValue<TimeSpan>(i)) :
            null;
        return (Func<DbDataReader, int, T>?)getter;
    }

    /// <summary>Adapts a getter of <typeparamref name="TValue"/> to <typeparamref name="T"/>, which is TValue or TValue?.</summary>
    private static object Wrap<TValue>(Func<DbDataReader, int, TValue> getter)
    {
        if (typeof(T) == typeof(TValue)) return getter;
        return new Func<DbDataReader, int, TValue?>((r, i) => getter(r, i));
    }
}

/// <summary>Non-generic entry point, for call sites that know the column.</summary>
internal static class ValueReader
{
    public static T Read<T>(DbDataReader reader, int ordinal, ColumnInfo? column) => ValueReader<T>.Read(reader, ordinal, column);
}
