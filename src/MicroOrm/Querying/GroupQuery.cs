using System;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A query grouped by key columns. Select keys and aggregates (<see cref="Aggregates"/>) from it, filter groups with
/// <see cref="Having"/>, and order by keys or aggregates.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set.</typeparam>
public sealed class GroupQuery<TEntity, TColumns>
    where TColumns : ColumnSet
{
    private readonly DatabaseContext _database;
    private readonly EntityMap<TEntity, TColumns> _map;
    private readonly QueryShape _shape;
    private readonly ColumnRef[] _keys;
    private readonly Condition? _having;

    internal GroupQuery(DatabaseContext database, EntityMap<TEntity, TColumns> map, QueryShape shape, ColumnRef[] keys, Condition? having)
    {
        _database = database;
        _map = map;
        _shape = shape;
        _keys = keys;
        _having = having;
    }

    private TColumns Columns => _map.GetColumns(0);

    /// <summary>Keeps the groups that meet <paramref name="predicate"/>, typically a comparison of an aggregate.</summary>
    public GroupQuery<TEntity, TColumns> Having(Func<TColumns, Condition> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var condition = predicate(Columns);
        return new(_database, _map, _shape, _keys, _having is null ? condition : new LogicalCondition(_having, condition, isAnd: true));
    }

    /// <summary>Sorts the groups by a key column or an aggregate, ascending, replacing any earlier order.</summary>
    public GroupQuery<TEntity, TColumns> OrderBy(Func<TColumns, ISelectable> expression) =>
        new(_database, _map, _shape.SetOrder(new Ordering(expression(Columns), false)), _keys, _having);

    /// <summary>Sorts the groups by a key column or an aggregate, descending, replacing any earlier order.</summary>
    public GroupQuery<TEntity, TColumns> OrderByDescending(Func<TColumns, ISelectable> expression) =>
        new(_database, _map, _shape.SetOrder(new Ordering(expression(Columns), true)), _keys, _having);

    /// <summary>Then sorts by a key column or an aggregate, ascending.</summary>
    public GroupQuery<TEntity, TColumns> ThenBy(Func<TColumns, ISelectable> expression) =>
        new(_database, _map, _shape.AddOrder(new Ordering(expression(Columns), false)), _keys, _having);

    /// <summary>Selects one key or aggregate per group.</summary>
    public ProjectionQuery<T> Select<T>(Func<TColumns, ISelectable<T>> selector)
    {
        var a = selector(Columns);
        return Project<T>([a], r => a.Read(r, 0));
    }

    /// <summary>Selects a tuple of keys and aggregates per group: <c>Select(c =&gt; (c.StateId, Aggregates.Count()))</c>.</summary>
    public ProjectionQuery<(T1, T2)> Select<T1, T2>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>)> selector)
    {
        var (a, b) = selector(Columns);
        return Project<(T1, T2)>([a, b], r => (a.Read(r, 0), b.Read(r, 1)));
    }

    /// <summary>Selects a tuple of three per group.</summary>
    public ProjectionQuery<(T1, T2, T3)> Select<T1, T2, T3>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>)> selector)
    {
        var (a, b, c) = selector(Columns);
        return Project<(T1, T2, T3)>([a, b, c], r => (a.Read(r, 0), b.Read(r, 1), c.Read(r, 2)));
    }

    /// <summary>Selects a tuple of four per group.</summary>
    public ProjectionQuery<(T1, T2, T3, T4)> Select<T1, T2, T3, T4>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>, ISelectable<T4>)> selector)
    {
        var (a, b, c, d) = selector(Columns);
        return Project<(T1, T2, T3, T4)>([a, b, c, d], r => (a.Read(r, 0), b.Read(r, 1), c.Read(r, 2), d.Read(r, 3)));
    }

    private ProjectionQuery<T> Project<T>(ISelectable[] selectList, Func<System.Data.Common.DbDataReader, T> read) =>
        new(_database, _map.Table, atMost => Sql(selectList, atMost), new DelegateRowReader<T>(read), null, _shape.Consistency);

    private SqlWriter Sql(ISelectable[] selectList, int? atMost = null) =>
        QuerySql.Group(_map.Table, _shape.AtMost(atMost), _keys, _having, selectList);
}
