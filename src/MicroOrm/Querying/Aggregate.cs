using System.Data.Common;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// An aggregate over a group (see <see cref="Aggregates"/>). It can be selected, ordered by, and compared with a value
/// in a HAVING condition: <c>Aggregates.Count() &gt; 1</c>.
/// </summary>
/// <typeparam name="T">The aggregate's value.</typeparam>
#pragma warning disable CS0660, CS0661 // == builds a condition; an aggregate is never compared for equality as a value.
public readonly struct Aggregate<T> : ISelectable<T>
#pragma warning restore CS0660, CS0661
{
    private readonly SelectItem _item;
    private readonly ColumnInfo? _valueColumn;

    internal Aggregate(AggregateFunction function, ColumnRef? column, ColumnInfo? valueColumn = null)
    {
        _item = new SelectItem(function, column);
        _valueColumn = valueColumn;
    }

    /// <summary>The aggregate equals <paramref name="value"/>.</summary>
    public static Condition operator ==(Aggregate<T> aggregate, T value) => new AggregateComparison(aggregate, ComparisonOperator.Equal, value);

    /// <summary>The aggregate differs from <paramref name="value"/>.</summary>
    public static Condition operator !=(Aggregate<T> aggregate, T value) => new AggregateComparison(aggregate, ComparisonOperator.NotEqual, value);

    /// <summary>The aggregate is less than <paramref name="value"/>.</summary>
    public static Condition operator <(Aggregate<T> aggregate, T value) => new AggregateComparison(aggregate, ComparisonOperator.Less, value);

    /// <summary>The aggregate is at most <paramref name="value"/>.</summary>
    public static Condition operator <=(Aggregate<T> aggregate, T value) => new AggregateComparison(aggregate, ComparisonOperator.LessOrEqual, value);

    /// <summary>The aggregate is greater than <paramref name="value"/>.</summary>
    public static Condition operator >(Aggregate<T> aggregate, T value) => new AggregateComparison(aggregate, ComparisonOperator.Greater, value);

    /// <summary>The aggregate is at least <paramref name="value"/>.</summary>
    public static Condition operator >=(Aggregate<T> aggregate, T value) => new AggregateComparison(aggregate, ComparisonOperator.GreaterOrEqual, value);

    /// <inheritdoc />
    SelectItem ISelectable.Item => _item;

    /// <inheritdoc />
    T ISelectable<T>.Read(DbDataReader reader, int ordinal) => ValueReader.Read<T>(reader, ordinal, _valueColumn);

    /// <inheritdoc />
    public override string ToString() => QuerySql.Text(_item);
}

/// <summary><c>aggregate op @p</c>, for HAVING.</summary>
internal sealed class AggregateComparison(ISelectable aggregate, ComparisonOperator op, object? value) : Condition
{
    public SelectItem Aggregate { get; } = aggregate.Item;

    public ComparisonOperator Operator { get; } = op;

    public object? Value { get; } = value;
}
