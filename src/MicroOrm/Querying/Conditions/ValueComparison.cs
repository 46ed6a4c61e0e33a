using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// <c>column op @p</c>. On a nullable column the comparison is made two-valued, as C# comparisons are, so that
/// <c>!</c> is always the exact complement: equality uses the null-safe <c>&lt;=&gt;</c> (a NULL column is simply not
/// equal), and the other operators add <c>AND column IS NOT NULL</c> (a NULL column is not less, not greater).
/// </summary>
internal sealed class ValueComparison(ColumnRef column, ComparisonOperator op, object? value) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        if (!column.Info.IsNullable)
        {
            writer.Column(column).Append(op.Sql()).Parameter(value);
            return;
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                writer.Column(column).Append(" <=> ").Parameter(value);
                break;
            case ComparisonOperator.NotEqual:
                writer.Append("NOT (").Column(column).Append(" <=> ").Parameter(value).Append(")");
                break;
            default:
                writer.Append("(").Column(column).Append(op.Sql()).Parameter(value).Append(" AND ").Column(column).Append(" IS NOT NULL)");
                break;
        }
    }
}
