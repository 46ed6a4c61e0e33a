using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// <c>left op right</c>, two columns. When either may be NULL the comparison is two-valued, as in C#: equality is
/// null-safe (<c>&lt;=&gt;</c>: two NULLs are equal, NULL and a value are not), and ordering is false when either is NULL.
/// </summary>
internal sealed class ColumnComparison(ColumnRef left, ComparisonOperator op, ColumnRef right) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        if (!left.Info.IsNullable && !right.Info.IsNullable)
        {
            writer.Column(left).Append(op.Sql()).Column(right);
            return;
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                writer.Column(left).Append(" <=> ").Column(right);
                break;
            case ComparisonOperator.NotEqual:
                writer.Append("NOT (").Column(left).Append(" <=> ").Column(right).Append(")");
                break;
            default:
                writer.Append("(").Column(left).Append(op.Sql()).Column(right).Append(" AND ").Column(left).Append(" IS NOT NULL AND ").Column(right).Append(" IS NOT NULL)");
                break;
        }
    }
}
