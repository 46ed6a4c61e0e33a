using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary><c>column BETWEEN @low AND @high</c>; two-valued on a nullable column (a NULL is not between anything).</summary>
internal sealed class BetweenCondition(ColumnRef column, object? low, object? high) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        if (column.Info.IsNullable) writer.Append("(");
        writer.Column(column).Append(" BETWEEN ").Parameter(low).Append(" AND ").Parameter(high);
        if (column.Info.IsNullable) writer.Append(" AND ").Column(column).Append(" IS NOT NULL)");
    }
}
