using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// An inner join of two entities' tables, read back as pairs: <c>db.Cities.Join(db.States, (c, s) =&gt; c.StateId == s.Id)</c>.
/// Like <see cref="Query{TEntity, TColumns}"/> it is immutable; its lambdas receive both column sets.
/// </summary>
public sealed class JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns>
    where TLeftColumns : ColumnSet
    where TRightColumns : ColumnSet
{
    private readonly DatabaseContext _database;
    private readonly EntityMap<TLeft, TLeftColumns> _left;
    private readonly EntityMap<TRight, TRightColumns> _right;
    private readonly Condition _on;
    private readonly QueryShape _shape;
    private readonly FilterState _rightFilters;

    /// <summary>The pairs' Where, order and page are in <paramref name="shape"/>, with the left query's filters; <paramref name="rightFilters"/> are the right query's.</summary>
    internal JoinQuery(DatabaseContext database, EntityMap<TLeft, TLeftColumns> left, EntityMap<TRight, TRightColumns> right, Condition on, QueryShape shape, FilterState rightFilters)
    {
        _database = database;
        _left = left;
        _right = right;
        _on = on;
        _shape = shape;
        _rightFilters = rightFilters;
    }

    private TLeftColumns LeftColumns => _left.GetColumns(0);

    private TRightColumns RightColumns => _right.GetColumns(1);

    /// <summary>Keeps the pairs that meet <paramref name="predicate"/>; several calls combine with AND.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> Where(Func<TLeftColumns, TRightColumns, Condition> predicate) =>
        With(_shape.AddWhere(predicate(LeftColumns, RightColumns)));

    /// <summary>Sorts by a column of either table, ascending, replacing any earlier order.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> OrderBy(Func<TLeftColumns, TRightColumns, ColumnRef> column) =>
        With(_shape.SetOrder(new Ordering(column(LeftColumns, RightColumns), false)));

    /// <summary>Sorts by a column of either table, descending, replacing any earlier order.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> OrderByDescending(Func<TLeftColumns, TRightColumns, ColumnRef> column) =>
        With(_shape.SetOrder(new Ordering(column(LeftColumns, RightColumns), true)));

    /// <summary>Then sorts by a column of either table, ascending.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> ThenBy(Func<TLeftColumns, TRightColumns, ColumnRef> column) =>
        With(_shape.AddOrder(new Ordering(column(LeftColumns, RightColumns), false)));

    /// <summary>Then sorts by a column of either table, descending.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> ThenByDescending(Func<TLeftColumns, TRightColumns, ColumnRef> column) =>
        With(_shape.AddOrder(new Ordering(column(LeftColumns, RightColumns), true)));

    /// <summary>Skips the first <paramref name="count"/> pairs.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return With(_shape with { Skip = count });
    }

    /// <summary>Returns at most <paramref name="count"/> pairs.</summary>
    public JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return With(_shape with { Take = count });
    }

    /// <summary>The SQL the query sends, and its parameters.</summary>
    public SqlStatement ToSql() => Sql(null).ToStatement();

    /// <summary>Runs the join and returns every pair.</summary>
    public Task<List<(TLeft, TRight)>> ToListAsync(CancellationToken cancellationToken = default) =>
        _database.Executor.ListAsync(Request(cancellationToken), PairReader(), IOBehavior.Asynchronous).AsTask();

    /// <inheritdoc cref="ToListAsync(CancellationToken)"/>
    public List<(TLeft, TRight)> ToList() =>
        Synchronously.Result(_database.Executor.ListAsync(Request(CancellationToken.None), PairReader(), IOBehavior.Synchronous));

    /// <summary>Runs the join and yields pairs as they arrive.</summary>
    public IAsyncEnumerable<(TLeft, TRight)> AsAsyncEnumerable(CancellationToken cancellationToken = default) =>
        _database.Executor.Stream(Request(cancellationToken), PairReader());

    /// <summary>Runs the join and yields pairs as they arrive, read synchronously.</summary>
    public IEnumerable<(TLeft, TRight)> AsEnumerable() => _database.Executor.Stream(Request(CancellationToken.None), PairReader());

    /// <summary>Projects each pair to one value.</summary>
    public ProjectionQuery<T> Select<T>(Func<TLeftColumns, TRightColumns, ISelectable<T>> selector)
    {
        var a = selector(LeftColumns, RightColumns);
        return Project<T>([a], r => a.Read(r, 0));
    }

    /// <summary>Projects each pair to a tuple: <c>Select((c, s) =&gt; (c.Name, s.Name))</c>.</summary>
    public ProjectionQuery<(T1, T2)> Select<T1, T2>(Func<TLeftColumns, TRightColumns, (ISelectable<T1>, ISelectable<T2>)> selector)
    {
        var (a, b) = selector(LeftColumns, RightColumns);
        return Project<(T1, T2)>([a, b], r => (a.Read(r, 0), b.Read(r, 1)));
    }

    /// <summary>Projects each pair to a tuple of three.</summary>
    public ProjectionQuery<(T1, T2, T3)> Select<T1, T2, T3>(Func<TLeftColumns, TRightColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>)> selector)
    {
        var (a, b, c) = selector(LeftColumns, RightColumns);
        return Project<(T1, T2, T3)>([a, b, c], r => (a.Read(r, 0), b.Read(r, 1), c.Read(r, 2)));
    }

    private CommandRequest Request(CancellationToken cancellationToken) => new CommandRequest(ToSql(), _left.Table, cancellationToken).AsRead(_shape.Consistency);

    private JoinQuery<TLeft, TLeftColumns, TRight, TRightColumns> With(QueryShape shape) => new(_database, _left, _right, _on, shape, _rightFilters);

    private ProjectionQuery<T> Project<T>(ISelectable[] selectList, Func<DbDataReader, T> read) =>
        new(_database, _left.Table, atMost => Sql(selectList, atMost), new DelegateRowReader<T>(read), null, _shape.Consistency);

    private RowReader<(TLeft, TRight)> PairReader()
    {
        var left = _left.ReaderAt(0);
        var right = _right.ReaderAt(_left.Table.Columns.Count);
        return new DelegateRowReader<(TLeft, TRight)>(r => (left.Read(r), right.Read(r)));
    }

    private SqlWriter Sql(ISelectable[]? selectList, int? atMost = null) =>
        QuerySql.Join(_left.Table, _right.Table, _on, _shape.AtMost(atMost), _rightFilters, selectList);
}
