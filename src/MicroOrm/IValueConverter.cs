namespace MicroOrm;

/// <summary>
/// Converts a property's values to what its column stores and back, for a type MicroOrm does not store itself (a
/// strongly-typed id, a money value, a <see cref="System.Uri"/>). The members are static, so generated code calls
/// them directly: no instance, no reflection, NativeAOT-clean.
/// </summary>
/// <typeparam name="TValue">The property's type.</typeparam>
/// <typeparam name="TColumn">What the column stores: a type MicroOrm stores itself (a number, string, bool, Guid, a date or time, byte[]).</typeparam>
/// <example>
/// <code>
/// public readonly record struct Money(decimal Amount);
///
/// public sealed class MoneyConverter : IValueConverter&lt;Money, decimal&gt;
/// {
///     public static decimal ToColumn(Money value) =&gt; value.Amount;
///     public static Money FromColumn(decimal column) =&gt; new(column);
/// }
/// </code>
/// </example>
public interface IValueConverter<TValue, TColumn>
{
    /// <summary>The value the column stores for <paramref name="value"/> (never called with null).</summary>
    static abstract TColumn ToColumn(TValue value);

    /// <summary>The property's value for what the column stores (never called for NULL).</summary>
    static abstract TValue FromColumn(TColumn column);
}
