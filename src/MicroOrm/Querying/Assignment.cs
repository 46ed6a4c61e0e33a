using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>One <c>column = ...</c> of an UPDATE.</summary>
internal sealed class Assignment(ColumnRef column, object? value, ColumnRef? source, bool isIncrement)
{
    public ColumnRef Column { get; } = column;

    public void Write(SqlWriter writer)
    {
        writer.Column(Column).Append(" = ");
        if (source is { } from)
        {
            writer.Column(from);
        }
        else if (isIncrement)
        {
            writer.Column(Column).Append(" + ").Parameter(value);
        }
        else
        {
            writer.Parameter(value);
        }
    }
}
