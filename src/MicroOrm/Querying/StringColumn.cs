using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>A string column of a table in a query, with the text operators (<c>StartsWith</c>, <c>Contains</c>, <c>Like</c>).</summary>
public readonly struct StringColumn
{
    /// <summary>Created by generated column sets.</summary>
    public StringColumn(ColumnInfo info, int tableIndex)
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
