namespace MicroOrm;

/// <summary>
/// <c>left op right</c>, two columns. When either may be NULL the comparison is two-valued, as in C#: equality is
/// null-safe (<c>&lt;=&gt;</c>: two NULLs are equal, NULL and a value are not), and ordering is false when either is NULL.
/// </summary>
internal sealed class ColumnComparison(ColumnRef left, ComparisonOperator op, ColumnRef right) : Condition
{
    public ColumnRef Left { get; } = left;

    public ComparisonOperator Operator { get; } = op;

    public ColumnRef Right { get; } = right;
}
