namespace MicroOrm;

/// <summary>
/// Base of the generated column sets (<c>State.Columns</c>): the typed columns of one table as it appears in a query.
/// The lambdas given to <c>Where</c>, <c>OrderBy</c> and friends receive one of these, so a misspelt column or a
/// value of the wrong type is a compile error.
/// </summary>
public abstract class ColumnSet
{
    /// <summary>Creates the set for the table at <paramref name="tableIndex"/> of a query (0 for the main table).</summary>
    protected ColumnSet(int tableIndex) => TableIndex = tableIndex;

    /// <summary>The position of the table in the query; joined tables have 1, 2, ...</summary>
    public int TableIndex { get; }
}
