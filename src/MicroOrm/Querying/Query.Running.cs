using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// The operations that run a query. Each has an asynchronous form and a synchronous twin named as LINQ names it
/// (<c>ToListAsync</c> and <c>ToList</c>); both are one implementation, run in the caller's I/O mode.
/// </summary>
public partial class Query<TEntity, TColumns>
{
    /// <summary>Runs the query and returns every row.</summary>
    public Task<List<TEntity>> ToListAsync(CancellationToken cancellationToken = default) =>
        RowsAsync(_shape, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ToListAsync(CancellationToken)"/>
    public List<TEntity> ToList() => Synchronously.Result(RowsAsync(_shape, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs the query and yields rows as they arrive, without holding them all in memory.</summary>
    /// <exception cref="NotSupportedException">The query has includes, which load after the rows and cannot stream.</exception>
    public IAsyncEnumerable<TEntity> AsAsyncEnumerable(CancellationToken cancellationToken = default) => Stream(cancellationToken);

    /// <summary>Runs the query and yields rows as they arrive, read synchronously, without holding them all in memory.</summary>
    /// <exception cref="NotSupportedException">The query has includes, which load after the rows and cannot stream.</exception>
    public IEnumerable<TEntity> AsEnumerable() => Stream(CancellationToken.None);

    /// <summary>The first row; throws when there is none.</summary>
    /// <exception cref="InvalidOperationException">The query returned no rows.</exception>
    public Task<TEntity> FirstAsync(CancellationToken cancellationToken = default) => FirstAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="FirstAsync(CancellationToken)"/>
    public TEntity First() => Synchronously.Result(FirstAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The first row meeting <paramref name="predicate"/>; throws when there is none.</summary>
    public Task<TEntity> FirstAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) =>
        Where(predicate).FirstAsync(cancellationToken);

    /// <inheritdoc cref="FirstAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public TEntity First(Func<TColumns, Condition> predicate) => Where(predicate).First();

    /// <summary>The first row, or <see langword="null"/> when there is none.</summary>
    public Task<TEntity?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) =>
        FirstRowAsync(_shape.AtMost(1), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="FirstOrDefaultAsync(CancellationToken)"/>
    public TEntity? FirstOrDefault() => Synchronously.Result(FirstRowAsync(_shape.AtMost(1), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The first row meeting <paramref name="predicate"/>, or <see langword="null"/>.</summary>
    public Task<TEntity?> FirstOrDefaultAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) =>
        Where(predicate).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc cref="FirstOrDefaultAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public TEntity? FirstOrDefault(Func<TColumns, Condition> predicate) => Where(predicate).FirstOrDefault();

    /// <summary>The only row; throws when there is none or more than one.</summary>
    /// <exception cref="InvalidOperationException">The query returned no rows, or more than one.</exception>
    public Task<TEntity> SingleAsync(CancellationToken cancellationToken = default) => SingleAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="SingleAsync(CancellationToken)"/>
    public TEntity Single() => Synchronously.Result(SingleAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The only row meeting <paramref name="predicate"/>; throws when there is none or more than one.</summary>
    public Task<TEntity> SingleAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) =>
        Where(predicate).SingleAsync(cancellationToken);

    /// <inheritdoc cref="SingleAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public TEntity Single(Func<TColumns, Condition> predicate) => Where(predicate).Single();

    /// <summary>The only row, or <see langword="null"/> when there is none; throws when there is more than one.</summary>
    /// <exception cref="InvalidOperationException">The query returned more than one row.</exception>
    public Task<TEntity?> SingleOrDefaultAsync(CancellationToken cancellationToken = default) =>
        SingleOrDefaultAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="SingleOrDefaultAsync(CancellationToken)"/>
    public TEntity? SingleOrDefault() => Synchronously.Result(SingleOrDefaultAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The only row meeting <paramref name="predicate"/>, or <see langword="null"/>; throws when there is more than one.</summary>
    public Task<TEntity?> SingleOrDefaultAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) =>
        Where(predicate).SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc cref="SingleOrDefaultAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public TEntity? SingleOrDefault(Func<TColumns, Condition> predicate) => Where(predicate).SingleOrDefault();

    /// <summary>The number of rows the query returns.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => CountAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="CountAsync(CancellationToken)"/>
    public long Count() => Synchronously.Result(CountAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The number of rows meeting <paramref name="predicate"/>.</summary>
    public Task<long> CountAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) =>
        Where(predicate).CountAsync(cancellationToken);

    /// <inheritdoc cref="CountAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public long Count(Func<TColumns, Condition> predicate) => Where(predicate).Count();

    /// <summary>Whether the query returns any row.</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => AnyAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="AnyAsync(CancellationToken)"/>
    public bool Any() => Synchronously.Result(AnyAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Whether any row meets <paramref name="predicate"/>.</summary>
    public Task<bool> AnyAsync(Func<TColumns, Condition> predicate, CancellationToken cancellationToken = default) =>
        Where(predicate).AnyAsync(cancellationToken);

    /// <inheritdoc cref="AnyAsync(Func{TColumns, Condition}, CancellationToken)"/>
    public bool Any(Func<TColumns, Condition> predicate) => Where(predicate).Any();

    /// <summary>
    /// Updates the rows the query selects: <c>UpdateAsync(u =&gt; u.Set(s =&gt; s.Name, "New Mexico"))</c>. An
    /// <c>[UpdatedAt]</c> column is set too. Returns the number of rows matched.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query has no Where: it would update every row.</exception>
    /// <exception cref="ValidationException">A value given to <c>Set</c> does not fit its column; nothing was sent.</exception>
    public Task<int> UpdateAsync(Func<UpdateBuilder<TColumns>, UpdateBuilder<TColumns>> set, CancellationToken cancellationToken = default) =>
        Database.Executor.ExecuteAsync(new CommandRequest(UpdateStatement(set, "UpdateAsync"), Map.Table, cancellationToken), IOBehavior.Asynchronous).AsTask();

    /// <inheritdoc cref="UpdateAsync(Func{UpdateBuilder{TColumns}, UpdateBuilder{TColumns}}, CancellationToken)"/>
    public int Update(Func<UpdateBuilder<TColumns>, UpdateBuilder<TColumns>> set) =>
        Synchronously.Result(Database.Executor.ExecuteAsync(new CommandRequest(UpdateStatement(set, "Update"), Map.Table, CancellationToken.None), IOBehavior.Synchronous));

    /// <summary>
    /// Deletes the rows the query selects; returns how many were deleted. Rows of an entity with <c>[SoftDelete]</c>
    /// are marked deleted instead, unless the query says <c>IgnoreQueryFilters(QueryFilter.SoftDelete)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query has no Where: it would delete every row (use <c>DeleteAllAsync</c> to mean that).</exception>
    public Task<int> DeleteAsync(CancellationToken cancellationToken = default) => DeleteAsync("DeleteAsync", IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteAsync(CancellationToken)"/>
    public int Delete() => Synchronously.Result(DeleteAsync("Delete", IOBehavior.Synchronous, CancellationToken.None));

    private ValueTask<List<TEntity>> RowsAsync(QueryShape shape, IOBehavior io, CancellationToken cancellationToken) =>
        shape.Includes.Length == 0
            ? Database.Executor.ListAsync(SelectRequest(shape, cancellationToken), Map.OrdinalReader, io)
            : IncludeLoader.LoadAsync(Database, Map, shape, io, cancellationToken);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TEntity?> FirstRowAsync(QueryShape shape, IOBehavior io, CancellationToken cancellationToken)
    {
        if (shape.Includes.Length == 0) return await Database.Executor.FirstOrDefaultAsync(SelectRequest(shape, cancellationToken), Map.OrdinalReader, io).ConfigureAwait(false);
        var rows = await RowsAsync(shape, io, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TEntity> FirstAsync(IOBehavior io, CancellationToken cancellationToken) =>
        await FirstRowAsync(_shape.AtMost(1), io, cancellationToken).ConfigureAwait(false) is { } row ? row : throw NoRows();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TEntity> SingleAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(_shape.AtMost(2), io, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) throw NoRows();
        return rows.Count == 1 ? rows[0] : throw MoreThanOne();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TEntity?> SingleOrDefaultAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(_shape.AtMost(2), io, cancellationToken).ConfigureAwait(false);
        if (rows.Count > 1) throw MoreThanOne();
        return rows.Count == 1 ? rows[0] : default;
    }

    private ValueTask<long> CountAsync(IOBehavior io, CancellationToken cancellationToken) =>
        Database.Executor.ScalarAsync<long>(new CommandRequest(QuerySql.Count(Map.Table, _shape).ToStatement(), Map.Table, cancellationToken).AsRead(_shape.Consistency), io);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AnyAsync(IOBehavior io, CancellationToken cancellationToken) =>
        await Database.Executor.ScalarAsync<long>(new CommandRequest(QuerySql.Exists(Map.Table, _shape).ToStatement(), Map.Table, cancellationToken).AsRead(_shape.Consistency), io).ConfigureAwait(false) != 0;

    private RowStream<TEntity> Stream(CancellationToken cancellationToken) =>
        _shape.Includes.Length > 0
            ? throw new NotSupportedException("A query with Include cannot stream: its related rows load after the main rows. Use ToListAsync, or stream without Include and call LoadAsync on batches.")
            : Database.Executor.Stream(SelectRequest(_shape, cancellationToken), Map.OrdinalReader);

    private CommandRequest SelectRequest(QueryShape shape, CancellationToken cancellationToken) =>
        new CommandRequest(QuerySql.Select(Map.Table, shape, null).ToStatement(), Map.Table, cancellationToken).AsRead(shape.Consistency);

    /// <summary>The UPDATE for <paramref name="set"/>, checked before anything is sent.</summary>
    private SqlStatement UpdateStatement(Func<UpdateBuilder<TColumns>, UpdateBuilder<TColumns>> set, string method)
    {
        ArgumentNullException.ThrowIfNull(set);
        RequireWhere(method, "update");
        var builder = set(new UpdateBuilder<TColumns>(Columns));
        if (builder.Assignments.Count == 0) throw new ArgumentException(method + " needs at least one Set(...).", nameof(set));
        if (builder.Errors is { } errors) throw new ValidationException(Map.Table.EntityName, Map.Table.Name, errors.Errors);
        if (Map.Table.TenantKey is { } tenantKey && _shape.Filters.Applies(QueryFilter.Tenant))
        {
            foreach (var assignment in builder.Assignments)
            {
                if (ReferenceEquals(assignment.Column.Info, tenantKey))
                {
                    throw new InvalidOperationException($"{method} cannot set {tenantKey.PropertyName}, the tenant key: that would hand rows to another tenant. Nothing was sent.");
                }
            }
        }

        return QuerySql.Update(Map.Table, _shape, builder.Assignments, Database.UtcNowForColumns()).ToStatement();
    }

    private ValueTask<int> DeleteAsync(string method, IOBehavior io, CancellationToken cancellationToken)
    {
        RequireWhere(method, "delete");
        if (_shape.Skip is not null) throw new NotSupportedException("MySQL cannot skip rows in a delete statement; select the keys first, or filter with Where.");
        return RowDeleter.DeleteAsync(Database, Map.Table, _shape, io, cancellationToken);
    }

    /// <summary>A bulk write without a filter is almost always a mistake; the table accessor has explicit methods for "every row".</summary>
    private void RequireWhere(string method, string verb)
    {
        if (_shape.Where is null)
        {
            throw new InvalidOperationException(
                $"{method} without Where would {verb} every row of {Map.Table.Name}; add Where(...) first{(verb == "delete" ? ", or call DeleteAllAsync() (or DeleteAll()) to mean it" : ", or use Where(_ => Condition.True) to mean it")}.");
        }
    }

    private InvalidOperationException NoRows() => new($"The query on {Map.Table.Name} returned no rows.");

    private InvalidOperationException MoreThanOne() => new($"The query on {Map.Table.Name} returned more than one row where exactly one was expected.");
}
