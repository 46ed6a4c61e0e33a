using System;
using System.ComponentModel;
using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// The converters of an assembly, registered by its generated code when the assembly loads, so that raw SQL, which
/// knows no property, converts a value of that type too: a hole holding one becomes the stored value, and a
/// <c>[Row]</c>, scalar or tuple read of that type goes through the converter.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Converters
{
    /// <summary>Called by generated code: <typeparamref name="TConverter"/> converts every <typeparamref name="TValue"/> in raw SQL.</summary>
    public static void Register<TValue, TColumn, TConverter>()
        where TConverter : IValueConverter<TValue, TColumn>
    {
        ConverterFor<TValue>.ToColumn = static value => TConverter.ToColumn(value);
        ConverterFor<TValue>.FromColumn = static (reader, ordinal) => TConverter.FromColumn(ValueReader<TColumn>.Read(reader, ordinal, null));
    }

    /// <summary>Called by generated code for a value type: as <see cref="Register{TValue, TColumn, TConverter}"/>, and for <c>TValue?</c> too.</summary>
    public static void RegisterNullable<TValue, TColumn, TConverter>()
        where TValue : struct
        where TConverter : IValueConverter<TValue, TColumn>
    {
        Register<TValue, TColumn, TConverter>();
        ConverterFor<TValue?>.ToColumn = static value => value is { } present ? TConverter.ToColumn(present) : null;
        ConverterFor<TValue?>.FromColumn = static (reader, ordinal) => TConverter.FromColumn(ValueReader<TColumn>.Read(reader, ordinal, null));
    }
}

/// <summary>The registered conversion of <typeparamref name="T"/>, or nulls when it has none (every type MicroOrm stores itself).</summary>
internal static class ConverterFor<T>
{
    public static Func<T, object?>? ToColumn;

    public static Func<DbDataReader, int, T>? FromColumn;
}
