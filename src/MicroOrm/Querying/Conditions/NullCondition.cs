using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary><c>column IS NULL</c> or <c>column IS NOT NULL</c>.</summary>
internal sealed class NullCondition(ColumnRef column, bool isNull) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        writer.Column(column);
        writer.Append(isNull ? " IS NULL" : " IS NOT NULL");
    }
}
