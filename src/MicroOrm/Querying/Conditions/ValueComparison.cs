namespace MicroOrm;

/// <summary>
/// <c>column op @p</c>. On a nullable column the comparison is made two-valued, as C# comparisons are, so that
/// <c>!</c> is always the exact complement: equality uses the null-safe <c>&lt;=&gt;</c> (a NULL column is simply not
/// equal), and the other operators add <c>AND column IS NOT NULL</c> (a NULL column is not less, not greater).
/// </summary>
internal sealed class ValueComparison(ColumnRef column, ComparisonOperator op, object? value) : Condition
{
    public ColumnRef Column { get; } = column;

    public ComparisonOperator Operator { get; } = op;

    public object? Value { get; } = value;
}
