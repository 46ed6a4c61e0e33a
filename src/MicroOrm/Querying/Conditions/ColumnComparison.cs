using MicroOrm.Sql;

namespace MicroOrm;

/// <summary><c>left op right</c>, two columns.</summary>
internal sealed class ColumnComparison(ColumnRef left, ComparisonOperator op, ColumnRef right) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        writer.Column(left);
        writer.Append(op.Sql());
        writer.Column(right);
    }
}
