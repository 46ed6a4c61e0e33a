using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>TRUE or FALSE, written as SQL both MySQL and MariaDB accept.</summary>
internal sealed class ConstantCondition(bool value) : Condition
{
    public bool Value { get; } = value;

    internal override void Write(SqlWriter writer) => writer.Append(Value ? "TRUE" : "FALSE");
}
