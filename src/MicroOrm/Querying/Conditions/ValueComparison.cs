using MicroOrm.Sql;

namespace MicroOrm;

/// <summary><c>column op @p</c>.</summary>
internal sealed class ValueComparison(ColumnRef column, ComparisonOperator op, object? value) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        writer.Column(column);
        writer.Append(op.Sql());
        writer.Parameter(value);
    }
}
