using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A column of any type, as <c>OrderBy</c>, <c>GroupBy</c> and <c>ThenBy</c> take it; every typed column converts to
/// one implicitly, so <c>OrderBy(s =&gt; s.Name)</c> reads as it does in LINQ.
/// </summary>
public readonly struct ColumnRef : ISelectable
{
    /// <summary>Refers to <paramref name="info"/> in the table at <paramref name="tableIndex"/> of the query.</summary>
    public ColumnRef(ColumnInfo info, int tableIndex)
    {
        Info = info;
        TableIndex = tableIndex;
    }

    /// <summary>The column's metadata.</summary>
    public ColumnInfo Info { get; }

    /// <summary>The position of the column's table in the query.</summary>
    public int TableIndex { get; }

    /// <inheritdoc />
    SelectItem ISelectable.Item => SelectItem.Of(this);

    /// <inheritdoc />
    public override string ToString() => Info.ToString();
}
