namespace MicroOrm;

/// <summary><c>column BETWEEN @low AND @high</c>; two-valued on a nullable column (a NULL is not between anything).</summary>
internal sealed class BetweenCondition(ColumnRef column, object? low, object? high) : Condition
{
    public ColumnRef Column { get; } = column;

    public object? Low { get; } = low;

    public object? High { get; } = high;
}
