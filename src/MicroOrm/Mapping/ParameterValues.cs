using System.Collections.Generic;

namespace MicroOrm.Mapping;

/// <summary>
/// Parameter values in placeholder order (<c>@p0</c>, <c>@p1</c>, ...). Generated binders append an entity's values
/// here in the order of the SQL the runtime wrote for its table.
/// </summary>
public sealed class ParameterValues
{
    private readonly List<object?> _values;

    /// <summary>Creates an empty list, sized for <paramref name="capacity"/> values.</summary>
    public ParameterValues(int capacity = 8) => _values = new List<object?>(capacity);

    /// <summary>How many values have been added.</summary>
    public int Count => _values.Count;

    /// <summary>Appends the stored form of <paramref name="value"/> for <paramref name="column"/>.</summary>
    public void Add<T>(ColumnInfo column, T value) => _values.Add(column.ToDbValue(value));

    /// <summary>Appends a value as is.</summary>
    public void AddRaw(object? value) => _values.Add(value);

    internal object? this[int index] => _values[index];

    internal object?[] ToArray() => _values.ToArray();

    /// <summary>Removes and returns the values from <paramref name="index"/> on.</summary>
    internal List<object?> TakeFrom(int index)
    {
        var taken = _values.GetRange(index, _values.Count - index);
        _values.RemoveRange(index, _values.Count - index);
        return taken;
    }
}
