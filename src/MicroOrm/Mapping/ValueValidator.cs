using System;
using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>
/// The generated checks of one column, for a value on its own: what a query-level update
/// (<c>UpdateAsync(u =&gt; u.Set(...))</c>) runs before sending the value, as an entity write runs them for each column.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ValueValidator
{
    private protected ValueValidator()
    {
    }
}

/// <summary>The checks of a column whose property has type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The property type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValueValidator<T> : ValueValidator
{
    private readonly Action<T, ValidationErrors> _check;

    /// <summary>Created by generated code around the column's check method.</summary>
    public ValueValidator(Action<T, ValidationErrors> check) => _check = check ?? throw new ArgumentNullException(nameof(check));

    /// <summary>Adds a problem to <paramref name="errors"/> for each check <paramref name="value"/> fails.</summary>
    public void Check(T value, ValidationErrors errors) => _check(value, errors);
}
