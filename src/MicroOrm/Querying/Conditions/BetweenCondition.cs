using MicroOrm.Sql;

namespace MicroOrm;

/// <summary><c>column BETWEEN @low AND @high</c>.</summary>
internal sealed class BetweenCondition(ColumnRef column, object? low, object? high) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        writer.Column(column);
        writer.Append(" BETWEEN ");
        writer.Parameter(low);
        writer.Append(" AND ");
        writer.Parameter(high);
    }
}
