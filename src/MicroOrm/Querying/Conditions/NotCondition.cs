using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary><c>NOT (condition)</c>.</summary>
internal sealed class NotCondition(Condition inner) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        writer.Append("NOT (");
        inner.Write(writer);
        writer.Append(")");
    }
}
