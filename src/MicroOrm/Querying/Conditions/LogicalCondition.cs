namespace MicroOrm;

/// <summary><c>(left AND right)</c> or <c>(left OR right)</c>.</summary>
internal sealed class LogicalCondition(Condition left, Condition right, bool isAnd) : Condition
{
    public Condition Left { get; } = left;

    public Condition Right { get; } = right;

    public bool IsAnd { get; } = isAnd;
}
