using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// A query reached through a read-only view (<c>db.AsReadOnly()</c>): everything a <see cref="Query{TEntity, TColumns}"/>
/// reads (filters, order, paging, includes, projections, joins, grouping) and none of its writes, so an update or
/// delete through the view does not compile. Like every query it is an immutable value.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set.</typeparam>
public class ReadOnlyQuery<TEntity, TColumns>
    where TEntity : class
    where TColumns : ColumnSet
{
    private protected ReadOnlyQuery(Query<TEntity, TColumns> query) => Inner = query;

    internal Query<TEntity, TColumns> Inner { get; }

    /// <inheritdoc cref="Query{TEntity, TColumns}.Where"/>
    public ReadOnlyQuery<TEntity, TColumns> Where(Func<TColumns, Condition> predicate) => new(Inner.Where(predicate));

    /// <inheritdoc cref="Query{TEntity, TColumns}.OrderBy(Func{TColumns, ColumnRef})"/>
    public ReadOnlyQuery<TEntity, TColumns> OrderBy(Func<TColumns, ColumnRef> column) => new(Inner.OrderBy(column));

    /// <inheritdoc cref="Query{TEntity, TColumns}.OrderByDescending"/>
    public ReadOnlyQuery<TEntity, TColumns> OrderByDescending(Func<TColumns, ColumnRef> column) => new(Inner.OrderByDescending(column));

    /// <inheritdoc cref="Query{TEntity, TColumns}.ThenBy(Func{TColumns, ColumnRef})"/>
    public ReadOnlyQuery<TEntity, TColumns> ThenBy(Func<TColumns, ColumnRef> column) => new(Inner.ThenBy(column));

    /// <inheritdoc cref="Query{TEntity, TColumns}.ThenByDescending"/>
    public ReadOnlyQuery<TEntity, TColumns> ThenByDescending(Func<TColumns, ColumnRef> column) => new(Inner.ThenByDescending(column));

    /// <inheritdoc cref="Query{TEntity, TColumns}.OrderBy(string, bool)"/>
    public ReadOnlyQuery<TEntity, TColumns> OrderBy(string columnName, bool descending = false) => new(Inner.OrderBy(columnName, descending));

    /// <inheritdoc cref="Query{TEntity, TColumns}.ThenBy(string, bool)"/>
    public ReadOnlyQuery<TEntity, TColumns> ThenBy(string columnName, bool descending = false) => new(Inner.ThenBy(columnName, descending));

    /// <inheritdoc cref="Query{TEntity, TColumns}.Include"/>
    public ReadOnlyIncludableQuery<TEntity, TColumns, TTarget, TTargetColumns> Include<TTarget, TTargetColumns, TKey>(
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TKey>> navigation)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TKey : notnull =>
        new(Inner.Include(navigation));

    /// <inheritdoc cref="Query{TEntity, TColumns}.AsSingleQuery"/>
    public ReadOnlyQuery<TEntity, TColumns> AsSingleQuery() => new(Inner.AsSingleQuery());

    /// <inheritdoc cref="Query{TEntity, TColumns}.IgnoreQueryFilters"/>
    public ReadOnlyQuery<TEntity, TColumns> IgnoreQueryFilters(QueryFilter filters = QueryFilter.All) => new(Inner.IgnoreQueryFilters(filters));

    /// <inheritdoc cref="Query{TEntity, TColumns}.AsSplitQuery"/>
    public ReadOnlyQuery<TEntity, TColumns> AsSplitQuery() => new(Inner.AsSplitQuery());

    /// <inheritdoc cref="Query{TEntity, TColumns}.Skip"/>
    public ReadOnlyQuery<TEntity, TColumns> Skip(int count) => new(Inner.Skip(count));

    /// <inheritdoc cref="Query{TEntity, TColumns}.Take"/>
    public ReadOnlyQuery<TEntity, TColumns> Take(int count) => new(Inner.Take(count));

    /// <inheritdoc cref="Query{TEntity, TColumns}.ToSql"/>
    public SqlStatement ToSql() => Inner.ToSql();

    /// <inheritdoc cref="Query{TEntity, TColumns}.ToListAsync"/>
    public Task<List<TEntity>> ToListAsync(CancellationToken cancellationToken = default) => Inner.ToListAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.ToList"/>
    public List<TEntity> ToList() => Inner.ToList();

    /// <inheritdoc cref="Query{TEntity, TColumns}.AsAsyncEnumerable"/>
    public IAsyncEnumerable<TEntity> AsAsyncEnumerable(CancellationToken cancellationToken = default) => Inner.AsAsyncEnumerable(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.AsEnumerable"/>
    public IEnumerable<TEntity> AsEnumerable() => Inner.AsEnumerable();

    /// <inheritdoc cref="Query{TEntity, TColumns}.FirstAsync(CancellationToken)"/>
    public Task<TEntity> FirstAsync(CancellationToken cancellationToken = default) => Inner.FirstAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.First()"/>
    public TEntity First() => Inner.First();

    /// <inheritdoc cref="Query{TEntity, TColumns}.FirstAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public Task<TEntity> FirstAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) => Inner.FirstAsync(predicate, cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.First(Func{TColumns, Condition})"/>
    public TEntity First(Func<TColumns, Condition> predicate) => Inner.First(predicate);

    /// <inheritdoc cref="Query{TEntity, TColumns}.FirstOrDefaultAsync(CancellationToken)"/>
    public Task<TEntity?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) => Inner.FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.FirstOrDefault()"/>
    public TEntity? FirstOrDefault() => Inner.FirstOrDefault();

    /// <inheritdoc cref="Query{TEntity, TColumns}.FirstOrDefaultAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public Task<TEntity?> FirstOrDefaultAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) => Inner.FirstOrDefaultAsync(predicate, cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.FirstOrDefault(Func{TColumns, Condition})"/>
    public TEntity? FirstOrDefault(Func<TColumns, Condition> predicate) => Inner.FirstOrDefault(predicate);

    /// <inheritdoc cref="Query{TEntity, TColumns}.SingleAsync(CancellationToken)"/>
    public Task<TEntity> SingleAsync(CancellationToken cancellationToken = default) => Inner.SingleAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Single()"/>
    public TEntity Single() => Inner.Single();

    /// <inheritdoc cref="Query{TEntity, TColumns}.SingleAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public Task<TEntity> SingleAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) => Inner.SingleAsync(predicate, cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Single(Func{TColumns, Condition})"/>
    public TEntity Single(Func<TColumns, Condition> predicate) => Inner.Single(predicate);

    /// <inheritdoc cref="Query{TEntity, TColumns}.SingleOrDefaultAsync(CancellationToken)"/>
    public Task<TEntity?> SingleOrDefaultAsync(CancellationToken cancellationToken = default) => Inner.SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.SingleOrDefault()"/>
    public TEntity? SingleOrDefault() => Inner.SingleOrDefault();

    /// <inheritdoc cref="Query{TEntity, TColumns}.SingleOrDefaultAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public Task<TEntity?> SingleOrDefaultAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) => Inner.SingleOrDefaultAsync(predicate, cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.SingleOrDefault(Func{TColumns, Condition})"/>
    public TEntity? SingleOrDefault(Func<TColumns, Condition> predicate) => Inner.SingleOrDefault(predicate);

    /// <inheritdoc cref="Query{TEntity, TColumns}.CountAsync(CancellationToken)"/>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Inner.CountAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Count()"/>
    public long Count() => Inner.Count();

    /// <inheritdoc cref="Query{TEntity, TColumns}.CountAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public Task<long> CountAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) => Inner.CountAsync(predicate, cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Count(Func{TColumns, Condition})"/>
    public long Count(Func<TColumns, Condition> predicate) => Inner.Count(predicate);

    /// <inheritdoc cref="Query{TEntity, TColumns}.AnyAsync(CancellationToken)"/>
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => Inner.AnyAsync(cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Any()"/>
    public bool Any() => Inner.Any();

    /// <inheritdoc cref="Query{TEntity, TColumns}.AnyAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public Task<bool> AnyAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) => Inner.AnyAsync(predicate, cancellationToken);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Any(Func{TColumns, Condition})"/>
    public bool Any(Func<TColumns, Condition> predicate) => Inner.Any(predicate);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Select{T}(Func{TColumns, ISelectable{T}})"/>
    public ProjectionQuery<T> Select<T>(Func<TColumns, ISelectable<T>> selector) => Inner.Select(selector);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Select{T1, T2}"/>
    public ProjectionQuery<(T1, T2)> Select<T1, T2>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>)> selector) => Inner.Select(selector);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Select{T1, T2, T3}"/>
    public ProjectionQuery<(T1, T2, T3)> Select<T1, T2, T3>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>)> selector) => Inner.Select(selector);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Select{T1, T2, T3, T4}"/>
    public ProjectionQuery<(T1, T2, T3, T4)> Select<T1, T2, T3, T4>(Func<TColumns, (ISelectable<T1>, ISelectable<T2>, ISelectable<T3>, ISelectable<T4>)> selector) => Inner.Select(selector);

    /// <inheritdoc cref="Query{TEntity, TColumns}.Select{TRow}()"/>
    public ProjectionQuery<TRow> Select<TRow>()
        where TRow : IRow<TRow> => Inner.Select<TRow>();

    /// <inheritdoc cref="Query{TEntity, TColumns}.Join"/>
    public JoinQuery<TEntity, TColumns, TOther, TOtherColumns> Join<TOther, TOtherColumns>(
        ReadOnlyQuery<TOther, TOtherColumns> other, Func<TColumns, TOtherColumns, Condition> on)
        where TOther : class
        where TOtherColumns : ColumnSet
    {
        ArgumentNullException.ThrowIfNull(other);
        return Inner.Join(other.Inner, on);
    }

    /// <inheritdoc cref="Query{TEntity, TColumns}.GroupBy"/>
    public GroupQuery<TEntity, TColumns> GroupBy(Func<TColumns, ColumnRef> key, params Func<TColumns, ColumnRef>[] moreKeys) => Inner.GroupBy(key, moreKeys);
}
