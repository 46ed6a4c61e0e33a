using System;
using System.Collections.Generic;
using System.Numerics;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>The assignments of an UPDATE: <c>u =&gt; u.Set(s =&gt; s.Name, "New Mexico")</c>. Values travel as parameters.</summary>
/// <typeparam name="TColumns">The entity's column set.</typeparam>
public sealed class UpdateBuilder<TColumns>
    where TColumns : ColumnSet
{
    private readonly TColumns _columns;
    private readonly List<Assignment> _assignments = new();
    private ValidationErrors? _errors;

    internal UpdateBuilder(TColumns columns) => _columns = columns;

    internal IReadOnlyList<Assignment> Assignments => _assignments;

    /// <summary>What the values given to <see cref="Set{T}(Func{TColumns, Column{T}}, T)"/> failed, or <see langword="null"/>.</summary>
    internal ValidationErrors? Errors => _errors is { HasErrors: true } ? _errors : null;

    /// <summary>
    /// Sets <paramref name="column"/> to <paramref name="value"/>. The value gets the checks an entity write gives
    /// the column (length, range, NOT NULL, pattern...); the update sends nothing if one fails. A plain
    /// <see langword="null"/> is a value for this overload, not a missing source column: <c>Set(r =&gt; r.Motto, null)</c>
    /// sets a nullable column to NULL, and is build error MORM1003 on a NOT NULL one.
    /// </summary>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public UpdateBuilder<TColumns> Set<T>(Func<TColumns, Column<T>> column, T value)
    {
        var target = Target(column);
        if (target.Info.Validator is ValueValidator<T> validator) validator.Check(value, _errors ??= new ValidationErrors());
        _assignments.Add(new Assignment(target, Conditions.ToParameter(target.Info, value), null, isIncrement: false));
        return this;
    }

    /// <summary>Sets <paramref name="column"/> to the value of <paramref name="source"/> in the same row.</summary>
    public UpdateBuilder<TColumns> Set<T>(Func<TColumns, Column<T>> column, Func<TColumns, Column<T>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _assignments.Add(new Assignment(Target(column), null, (ColumnRef)source(_columns), isIncrement: false));
        return this;
    }

    /// <summary>Adds <paramref name="amount"/> to <paramref name="column"/> on the server (<c>column = column + @p</c>), with no read first.</summary>
    public UpdateBuilder<TColumns> Increment<T>(Func<TColumns, Column<T>> column, T amount)
        where T : INumber<T>
    {
        var target = Target(column);
        _assignments.Add(new Assignment(target, amount, null, isIncrement: true));
        return this;
    }

    private ColumnRef Target<T>(Func<TColumns, Column<T>> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var target = (ColumnRef)column(_columns);
        if (target.Info.IsKey || target.Info.IsAutoIncrement)
        {
            throw new ArgumentException($"{target.Info} is part of the key; an update cannot change it.", nameof(column));
        }

        if (target.Info.JsonPathText is { } path)
        {
            // A path reads a value inside the document; the SQL that would write one there is not what Set writes.
            throw new ArgumentException($"{target.Info} at {path} is a value inside a JSON document; an update sets whole columns: set {target.Info} to the whole document.", nameof(column));
        }

        return target;
    }
}
