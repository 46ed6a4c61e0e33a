namespace MicroOrm;

/// <summary>
/// One <c>column = ...</c> of an UPDATE: a value, another column (<see cref="Source"/>), or the column plus an amount
/// (<see cref="IsIncrement"/>).
/// </summary>
internal sealed class Assignment(ColumnRef column, object? value, ColumnRef? source, bool isIncrement)
{
    public ColumnRef Column { get; } = column;

    public object? Value { get; } = value;

    public ColumnRef? Source { get; } = source;

    public bool IsIncrement { get; } = isIncrement;
}
