using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A query over one entity's table. Queries are immutable values: <c>Where</c>, <c>OrderBy</c>, <c>Skip</c> and the
/// rest return a new query and leave this one as it was, so a base query can be kept, extended in branches
/// (<c>if (name != null) q = q.Where(...)</c>) and run any number of times.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set, given to the lambdas.</typeparam>
public partial class Query<TEntity, TColumns>
    where TEntity : class
    where TColumns : ColumnSet
{
    private readonly QueryShape _shape;

    private protected Query(DatabaseContext database, EntityMap<TEntity, TColumns> map, QueryShape shape)
    {
        Database = database;
        Map = map;
        _shape = shape;
    }

    private protected DatabaseContext Database { get; }

    private protected EntityMap<TEntity, TColumns> Map { get; }

    private protected QueryShape Shape => _shape;

    private TColumns Columns => Map.GetColumns(0);

    /// <summary>
    /// Turns off the model's query filters for this query: <c>QueryFilter.SoftDelete</c> to see (and, with a delete,
    /// really remove) rows marked deleted, <c>QueryFilter.Tenant</c> to reach every tenant's rows, or both (the
    /// default). Includes and joins of the query are unfiltered alike.
    /// </summary>
    public Query<TEntity, TColumns> IgnoreQueryFilters(QueryFilter filters = QueryFilter.All) => With(_shape with { Filters = _shape.Filters.Ignoring(filters) });

    /// <summary>Keeps the rows that meet <paramref name="predicate"/>; several calls combine with AND.</summary>
    public Query<TEntity, TColumns> Where(Func<TColumns, Condition> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return With(_shape.AddWhere(predicate(Columns)));
    }

    /// <summary>
    /// Reads with <paramref name="consistency"/> instead of the database object's (<see cref="DatabaseContext.ReadConsistency"/>),
    /// when the database has replicas: <c>ReadFrom(ReadConsistency.Primary)</c> for a read that must see every write
    /// committed anywhere. Without replicas every query reads the one server, and this changes nothing.
    /// </summary>
    public Query<TEntity, TColumns> ReadFrom(ReadConsistency consistency) =>
        Enum.IsDefined(consistency) ? With(_shape with { Consistency = consistency }) : throw new ArgumentOutOfRangeException(nameof(consistency), consistency, "Not a read consistency.");

    /// <summary>Sorts by <paramref name="column"/>, ascending, replacing any earlier order.</summary>
    public Query<TEntity, TColumns> OrderBy(Func<TColumns, ColumnRef> column) => With(_shape.SetOrder(new Ordering(Pick(column), false)));

    /// <summary>Sorts by <paramref name="column"/>, descending, replacing any earlier order.</summary>
    public Query<TEntity, TColumns> OrderByDescending(Func<TColumns, ColumnRef> column) => With(_shape.SetOrder(new Ordering(Pick(column), true)));

    /// <summary>Then sorts by <paramref name="column"/>, ascending.</summary>
    public Query<TEntity, TColumns> ThenBy(Func<TColumns, ColumnRef> column) => With(_shape.AddOrder(new Ordering(Pick(column), false)));

    /// <summary>Then sorts by <paramref name="column"/>, descending.</summary>
    public Query<TEntity, TColumns> ThenByDescending(Func<TColumns, ColumnRef> column) => With(_shape.AddOrder(new Ordering(Pick(column), true)));

    /// <summary>
    /// Sorts by a column named at run time (a sort field from a web request), replacing any earlier order. The name is
    /// matched against the entity's generated columns (property or column name, ignoring case); any other name is
    /// refused before SQL is built.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="columnName"/> is not a column of the entity.</exception>
    public Query<TEntity, TColumns> OrderBy(string columnName, bool descending = false) =>
        With(_shape.SetOrder(new Ordering(ColumnNamed(columnName), descending)));

    /// <summary>Then sorts by a column named at run time; see <see cref="OrderBy(string, bool)"/>.</summary>
    public Query<TEntity, TColumns> ThenBy(string columnName, bool descending = false) =>
        With(_shape.AddOrder(new Ordering(ColumnNamed(columnName), descending)));

    /// <summary>
    /// Loads <paramref name="navigation"/> with the rows: <c>db.States.Include(s =&gt; s.Cities)</c>. By default each
    /// level is one more query (<c>WHERE fk IN (...)</c>, keys chunked), never one per row; <see cref="AsSingleQuery"/>
    /// loads everything in one joined query instead. Back-references are filled (<c>city.State</c> is the state whose
    /// <c>Cities</c> holds it), rows keep the query's order, and children come in key order.
    /// </summary>
    public IncludableQuery<TEntity, TColumns, TTarget, TTargetColumns> Include<TTarget, TTargetColumns, TKey>(
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TKey>> navigation)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var selected = navigation(Columns);
        return new IncludableQuery<TEntity, TColumns, TTarget, TTargetColumns>(Database, Map, _shape.AddInclude(selected), selected.TargetColumns);
    }

    /// <summary>Loads the includes in one query: the tables LEFT JOINed, the rows folded back into objects.</summary>
    public Query<TEntity, TColumns> AsSingleQuery() => With(_shape with { SingleQuery = true });

    /// <summary>Loads the includes with one query per level (the default).</summary>
    public Query<TEntity, TColumns> AsSplitQuery() => With(_shape with { SingleQuery = false });

    /// <summary>Skips the first <paramref name="count"/> rows.</summary>
    public Query<TEntity, TColumns> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return With(_shape with { Skip = count });
    }

    /// <summary>Returns at most <paramref name="count"/> rows.</summary>
    public Query<TEntity, TColumns> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return With(_shape with { Take = count });
    }

    /// <summary>The SQL the query sends, and its parameters: for logs, tests and debugging.</summary>
    public SqlStatement ToSql() => QuerySql.Select(Map.Table, _shape, null).ToStatement();

    /// <summary>Projects each row to the value of one column or aggregate: <c>Select(s =&gt; s.Name)</c>.</summary>
    public ProjectionQuery<T> Select<T>(Func<TColumns, ISelectable<T>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var a = selector(Columns);
        return new ProjectionQuery<T>(Database, Map.Table, _shape, [a], r => a.Read(r, 0));
    }

    /// <summary>Projects each row to a tuple: <c>Select(s =&gt; (s.Id, s.Name))</c>.</summary>
    public ProjectionQuery<(T1, T2)> Select<T1, T2>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>)> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (a, b) = selector(Columns);
        return new ProjectionQuery<(T1, T2)>(Database, Map.Table, _shape, [a, b], r => (a.Read(r, 0), b.Read(r, 1)));
    }

    /// <summary>Projects each row to a tuple of three.</summary>
    public ProjectionQuery<(T1, T2, T3)> Select<T1, T2, T3>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>)> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (a, b, c) = selector(Columns);
        return new ProjectionQuery<(T1, T2, T3)>(Database, Map.Table, _shape, [a, b, c], r => (a.Read(r, 0), b.Read(r, 1), c.Read(r, 2)));
    }

    /// <summary>Projects each row to a tuple of four.</summary>
    public ProjectionQuery<(T1, T2, T3, T4)> Select<T1, T2, T3, T4>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>, ISelectable<T4>)> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (a, b, c, d) = selector(Columns);
        return new ProjectionQuery<(T1, T2, T3, T4)>(Database, Map.Table, _shape, [a, b, c, d], r => (a.Read(r, 0), b.Read(r, 1), c.Read(r, 2), d.Read(r, 3)));
    }

    /// <summary>
    /// Projects each row to a <c>[Row]</c> type (a DTO, record or struct), whose generated mapper matches the
    /// entity's columns to its members by name; columns it has no member for are not selected.
    /// </summary>
    public ProjectionQuery<TRow> Select<TRow>()
        where TRow : IRow<TRow>
    {
        var selected = new List<ISelectable>();
        var wanted = new HashSet<string>(TRow.ColumnNames, StringComparer.Ordinal);
        foreach (var column in Map.Table.Columns)
        {
            if (wanted.Contains(ColumnNames.Normalize(column.Name)) || wanted.Contains(ColumnNames.Normalize(column.PropertyName)))
            {
                selected.Add(new NamedColumn(new ColumnRef(column, 0)));
            }
        }

        if (selected.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TRow).Name} has no member named like a column of {Map.Table.Name}; nothing could be selected.");
        }

        return new ProjectionQuery<TRow>(Database, Map.Table, _shape, selected.ToArray(), readerFactory: ResolvedReaders<TRow>.Factory);
    }

    /// <summary>
    /// Joins <paramref name="other"/> on <paramref name="on"/>: <c>db.Cities.Join(db.States, (c, s) =&gt; c.StateId == s.Id)</c>.
    /// The result pairs each row with its match, as an INNER JOIN does.
    /// </summary>
    public JoinQuery<TEntity, TColumns, TOther, TOtherColumns> Join<TOther, TOtherColumns>(
        Query<TOther, TOtherColumns> other, Func<TColumns, TOtherColumns, Condition> on)
        where TOther : class
        where TOtherColumns : ColumnSet
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(on);
        if (!_shape.IsPlain) throw new InvalidOperationException("Join the table before adding Where, OrderBy, Skip or Take; then filter and order the joined query.");
        if (!other._shape.IsPlain) throw new InvalidOperationException("Join a table, not a query with Where, OrderBy, Skip or Take; filter and order the joined query instead.");
        var condition = on(Columns, other.Map.GetColumns(1));
        return new JoinQuery<TEntity, TColumns, TOther, TOtherColumns>(Database, Map, other.Map, condition, QueryShape.Empty with { Filters = _shape.Filters, Consistency = _shape.Consistency }, other._shape.Filters);
    }

    /// <summary>
    /// Groups the rows by <paramref name="key"/>; select the key and aggregates from the groups:
    /// <c>GroupBy(c =&gt; c.StateId).Select(c =&gt; (c.StateId, Aggregates.Count()))</c>.
    /// </summary>
    public GroupQuery<TEntity, TColumns> GroupBy(Func<TColumns, ColumnRef> key, params Func<TColumns, ColumnRef>[] moreKeys)
    {
        var keys = new List<ColumnRef> { Pick(key) };
        foreach (var more in moreKeys) keys.Add(Pick(more));
        return new GroupQuery<TEntity, TColumns>(Database, Map, _shape, keys.ToArray(), having: null);
    }

    private protected virtual Query<TEntity, TColumns> With(QueryShape shape) => new(Database, Map, shape);

    private ColumnRef Pick(Func<TColumns, ColumnRef> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column(Columns);
    }

    private ColumnRef ColumnNamed(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        var column = Map.Table.FindColumn(columnName);
        if (column is null)
        {
            var names = new List<string>();
            foreach (var c in Map.Table.Columns) names.Add(c.PropertyName);
            throw new ArgumentException(
                $"'{columnName}' is not a column of {Map.Table.EntityName}; choose one of: {string.Join(", ", names)}.", nameof(columnName));
        }

        return new ColumnRef(column, 0);
    }
}
