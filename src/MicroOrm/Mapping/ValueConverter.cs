using System.ComponentModel;
using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// Converts a property's values to and from what its column stores, where the two differ: generated for enum
/// properties (stored as their integer, or as their name with <c>[StoreAsString]</c>) so that queries, writes and
/// projections agree with the row reader.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ValueConverter
{
    /// <summary>The value to send as a parameter for the property value <paramref name="value"/>.</summary>
    public abstract object? ToDb(object? value);

    /// <summary>Reads the property value from the column at <paramref name="ordinal"/>, which is not NULL.</summary>
    public abstract object FromDb(DbDataReader reader, int ordinal);
}
