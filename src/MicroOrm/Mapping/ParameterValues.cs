using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>
/// Parameter values in placeholder order (<c>@p0</c>, <c>@p1</c>, ...). Generated binders append an entity's values
/// here in the order of the SQL the runtime wrote for its table. Backed by one array sized for the statement, which
/// becomes the statement's values without a copy when it is full.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParameterValues
{
    private object?[] _values;
    private int _count;

    /// <summary>Creates an empty list, sized for <paramref name="capacity"/> values.</summary>
    public ParameterValues(int capacity = 8) => _values = capacity == 0 ? [] : new object?[capacity];

    /// <summary>How many values have been added.</summary>
    public int Count => _count;

    /// <summary>Appends the stored form of <paramref name="value"/> for <paramref name="column"/>.</summary>
    public void Add<T>(ColumnInfo column, T value) => AddRaw(column.ToDbValue(value));

    /// <summary>Appends a value as is.</summary>
    public void AddRaw(object? value)
    {
        if (_count == _values.Length) Array.Resize(ref _values, Math.Max(4, _values.Length * 2));
        _values[_count++] = value;
    }

    internal object? this[int index] => index < _count ? _values[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The values, as the array the statement keeps: the backing array itself when it is exactly full.</summary>
    internal object?[] ToArray()
    {
        if (_count == _values.Length) return _values;
        return _values.AsSpan(0, _count).ToArray();
    }

    /// <summary>Removes and returns the values from <paramref name="index"/> on.</summary>
    internal List<object?> TakeFrom(int index)
    {
        var taken = new List<object?>(_values.AsSpan(index, _count - index).ToArray());
        Array.Clear(_values, index, _count - index);
        _count = index;
        return taken;
    }
}
