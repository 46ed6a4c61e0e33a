using System.Collections.Generic;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>Builds conditions; the one place where values become parameters (through the column's converter).</summary>
internal static class Conditions
{
    public static Condition Compare<T>(ColumnRef column, ComparisonOperator op, T value)
    {
        if (value is null)
        {
            if (op == ComparisonOperator.Equal) return new NullCondition(column, isNull: true);
            if (op == ComparisonOperator.NotEqual) return new NullCondition(column, isNull: false);
        }

        return new ValueComparison(column, op, ToParameter(column.Info, value));
    }

    public static Condition Compare(ColumnRef left, ComparisonOperator op, ColumnRef right) => new ColumnComparison(left, op, right);

    public static Condition In<T>(ColumnRef column, IEnumerable<T> values, bool negated)
    {
        System.ArgumentNullException.ThrowIfNull(values);
        var parameters = new List<object?>();
        var hasNull = false;
        foreach (var value in values)
        {
            if (value is null) hasNull = true;
            else parameters.Add(ToParameter(column.Info, value));
        }

        return new InCondition(column, parameters, hasNull, negated);
    }

    public static object? ToParameter<T>(ColumnInfo column, T value) => column.ToDbValue(value);
}
