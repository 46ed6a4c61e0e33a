using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary><c>(left AND right)</c> or <c>(left OR right)</c>.</summary>
internal sealed class LogicalCondition(Condition left, Condition right, bool isAnd) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        writer.Append("(");
        left.Write(writer);
        writer.Append(isAnd ? " AND " : " OR ");
        right.Write(writer);
        writer.Append(")");
    }
}
