using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>A typed column of a table in a query, as found on a generated column set.</summary>
/// <typeparam name="T">The property type the column maps to.</typeparam>
public readonly struct Column<T>
{
    /// <summary>Created by generated column sets.</summary>
    public Column(ColumnInfo info, int tableIndex)
    {
        Info = info;
        TableIndex = tableIndex;
    }

    /// <summary>The column's metadata.</summary>
    public ColumnInfo Info { get; }

    /// <summary>The position of the column's table in the query.</summary>
    public int TableIndex { get; }

    /// <inheritdoc />
    public override string ToString() => Info.ToString();
}
