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
    private readonly string _prefix;
    private readonly ColumnRef? _column;
    private readonly string? _suffix;
    private readonly ColumnInfo? _valueColumn;

    internal Aggregate(string prefix, ColumnRef? column, string? suffix, ColumnInfo? valueColumn = null)
    {
        _prefix = prefix;
        _column = column;
        _suffix = suffix;
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
    void ISelectable.WriteTo(SqlWriter writer)
    {
        writer.Append(_prefix);
        if (_column is { } column) writer.Column(column);
        if (_suffix is not null) writer.Append(_suffix);
    }

    /// <inheritdoc />
    T ISelectable<T>.Read(DbDataReader reader, int ordinal) => ValueReader.Read<T>(reader, ordinal, _valueColumn);

    /// <inheritdoc />
    public override string ToString()
    {
        var writer = new SqlWriter(qualifyColumns: false);
        ((ISelectable)this).WriteTo(writer);
        return writer.ToString();
    }
}

/// <summary><c>aggregate op @p</c>, for HAVING.</summary>
internal sealed class AggregateComparison(ISelectable aggregate, ComparisonOperator op, object? value) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        aggregate.WriteTo(writer);
        writer.Append(op.Sql());
        writer.Parameter(value);
    }
}
