namespace MicroOrm;

/// <summary>
/// Aggregates for grouped queries and their HAVING conditions:
/// <c>db.Cities.GroupBy(c =&gt; c.StateId).Having(c =&gt; Aggregates.Count() &gt; 1).Select(c =&gt; (c.StateId, Aggregates.Count()))</c>.
/// </summary>
public static class Aggregates
{
    /// <summary><c>COUNT(*)</c>: the rows in the group.</summary>
    public static Aggregate<long> Count() => new(AggregateFunction.CountRows, null);

    /// <summary><c>COUNT(column)</c>: the rows whose <paramref name="column"/> is not NULL.</summary>
    public static Aggregate<long> Count(ColumnRef column) => new(AggregateFunction.Count, column);

    /// <summary><c>COUNT(DISTINCT column)</c>.</summary>
    public static Aggregate<long> CountDistinct(ColumnRef column) => new(AggregateFunction.CountDistinct, column);

    /// <summary>The sum of an integer column, as a 64-bit integer (NULL when no row has a value).</summary>
    public static Aggregate<long?> Sum(Column<int> column) => new(AggregateFunction.SumAsInteger, column);

    /// <summary>The sum of a nullable integer column.</summary>
    public static Aggregate<long?> Sum(Column<int?> column) => new(AggregateFunction.SumAsInteger, column);

    /// <summary>The sum of a 64-bit column; the server sums exactly, as DECIMAL.</summary>
    public static Aggregate<decimal?> Sum(Column<long> column) => new(AggregateFunction.Sum, column);

    /// <summary>The sum of a decimal column.</summary>
    public static Aggregate<decimal?> Sum(Column<decimal> column) => new(AggregateFunction.Sum, column);

    /// <summary>The sum of a nullable decimal column.</summary>
    public static Aggregate<decimal?> Sum(Column<decimal?> column) => new(AggregateFunction.Sum, column);

    /// <summary>The sum of a double column.</summary>
    public static Aggregate<double?> Sum(Column<double> column) => new(AggregateFunction.Sum, column);

    /// <summary>The average of an integer column, as the server computes it exactly (DECIMAL).</summary>
    public static Aggregate<decimal?> Average(Column<int> column) => new(AggregateFunction.Average, column);

    /// <summary>The average of a decimal column.</summary>
    public static Aggregate<decimal?> Average(Column<decimal> column) => new(AggregateFunction.Average, column);

    /// <summary>The average of a double column.</summary>
    public static Aggregate<double?> Average(Column<double> column) => new(AggregateFunction.Average, column);

    /// <summary>The smallest value of <paramref name="column"/>.</summary>
    public static Aggregate<T> Min<T>(Column<T> column) => new(AggregateFunction.Min, column, column.Info);

    /// <summary>The largest value of <paramref name="column"/>.</summary>
    public static Aggregate<T> Max<T>(Column<T> column) => new(AggregateFunction.Max, column, column.Info);
}
