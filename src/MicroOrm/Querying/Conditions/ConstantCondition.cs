namespace MicroOrm;

/// <summary>TRUE or FALSE.</summary>
internal sealed class ConstantCondition(bool value) : Condition
{
    public bool Value { get; } = value;
}
