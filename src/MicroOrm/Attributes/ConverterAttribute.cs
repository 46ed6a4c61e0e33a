using System;

namespace MicroOrm;

/// <summary>
/// Stores a property through a converter of yours: <c>[Converter(typeof(MoneyConverter))]</c> on the property, or
/// <c>[assembly: Converter(typeof(MoneyConverter))]</c> once for every property of that type in the assembly (a
/// property's own attribute wins). The converter implements <see cref="IValueConverter{TValue, TColumn}"/>; its
/// <c>TColumn</c> is what the column stores, so <c>[MaxLength]</c> and <c>[Precision]</c> apply to it. It runs
/// wherever a value travels: reads, inserts, updates, upserts, query conditions, <c>In</c> lists, projections, and
/// raw SQL's parameters and rows. A converter whose types do not fit the property is a build error (MORM0038).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Assembly, AllowMultiple = true, Inherited = true)]
public sealed class ConverterAttribute : Attribute
{
    /// <summary>Stores the property (or, on the assembly, every property of the converter's value type) through <paramref name="converterType"/>.</summary>
    public ConverterAttribute(Type converterType) => ConverterType = converterType;

    /// <summary>The converter: a type implementing <see cref="IValueConverter{TValue, TColumn}"/>.</summary>
    public Type ConverterType { get; }
}
