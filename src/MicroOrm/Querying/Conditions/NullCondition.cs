namespace MicroOrm;

/// <summary><c>column IS NULL</c> or <c>column IS NOT NULL</c>.</summary>
internal sealed class NullCondition(ColumnRef column, bool isNull) : Condition
{
    public ColumnRef Column { get; } = column;

    public bool IsNull { get; } = isNull;
}
