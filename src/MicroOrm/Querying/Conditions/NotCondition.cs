namespace MicroOrm;

/// <summary><c>NOT (condition)</c>.</summary>
internal sealed class NotCondition(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;
}
