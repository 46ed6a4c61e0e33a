namespace MicroOrm;

/// <summary>
/// An expression a query selects, orders or groups by, as data: a column (<see cref="AggregateFunction.None"/>), or an
/// aggregate function over a column or over the rows (<see cref="AggregateFunction.CountRows"/>, no column).
/// </summary>
internal readonly record struct SelectItem(AggregateFunction Function, ColumnRef? Column)
{
    public static SelectItem Of(ColumnRef column) => new(AggregateFunction.None, column);
}

/// <summary>The aggregate functions a grouped query can select, order by and compare in HAVING.</summary>
internal enum AggregateFunction
{
    None,
    CountRows,
    Count,
    CountDistinct,

    /// <summary>SUM of an integer column, cast back to a 64-bit integer (the server sums integers as DECIMAL).</summary>
    SumAsInteger,
    Sum,
    Average,
    Min,
    Max,
}
