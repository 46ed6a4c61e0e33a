using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A table accessor (<c>db.States</c>): the starting point of queries over the entity, and the home of the writes
/// that take entities. Every write checks the entity's values against the model first and sends nothing when one
/// does not fit; values always travel as parameters.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set.</typeparam>
/// <typeparam name="TKey">Its key type; a tuple for a composite key.</typeparam>
public sealed class Table<TEntity, TColumns, TKey> : Query<TEntity, TColumns>
    where TEntity : class, IEntity<TEntity, TColumns, TKey>
    where TColumns : ColumnSet
{
    private readonly EntityMap<TEntity, TColumns, TKey> _map;

    /// <summary>Created by the generated database class.</summary>
    public Table(DatabaseContext database)
        : this(database, QueryShape.Empty with { Filters = database?.Filters ?? throw new ArgumentNullException(nameof(database)) })
    {
    }

    private Table(DatabaseContext database, QueryShape shape)
        : base(database, TEntity.Map, shape)
    {
        _map = TEntity.Map;
    }

    /// <summary>
    /// The table with the model's query filters off: <c>QueryFilter.SoftDelete</c> to find, update and really delete
    /// rows marked deleted, <c>QueryFilter.Tenant</c> to reach and write every tenant's rows, or both (the default).
    /// </summary>
    public new Table<TEntity, TColumns, TKey> IgnoreQueryFilters(QueryFilter filters = QueryFilter.All) =>
        new(Database, Shape with { Filters = Shape.Filters.Ignoring(filters) });

    /// <summary>The table's metadata.</summary>
    public TableInfo Info => Map.Table;

    private TableStatements Statements => Map.Table.Statements;

    /// <summary>The row with key <paramref name="key"/>, or <see langword="null"/>.</summary>
    public Task<TEntity?> FindAsync(TKey key, CancellationToken cancellationToken = default) => FindAsync(key, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="FindAsync(TKey, CancellationToken)"/>
    public TEntity? Find(TKey key) => Synchronously.Result(FindAsync(key, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>
    /// Inserts <paramref name="entity"/>: stamps <c>[CreatedAt]</c>/<c>[UpdatedAt]</c>, checks every value, and fills
    /// in the AUTO_INCREMENT key the server generated. An AUTO_INCREMENT key that is already set (not zero) is sent as
    /// it is, so the row gets that key, or the insert fails as a duplicate if the key is taken. Returns the rows
    /// inserted (1). Navigation properties are not followed; see <see cref="InsertGraphAsync(TEntity, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was sent.</exception>
    public Task<int> InsertAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return EntityWriter.InsertAsync(Database, _map, entity, Shape.Filters, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="InsertAsync(TEntity, CancellationToken)"/>
    public int Insert(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Synchronously.Result(EntityWriter.InsertAsync(Database, _map, entity, Shape.Filters, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Inserts every entity with multi-row INSERTs, split so that no statement exceeds the server's
    /// <c>max_allowed_packet</c>. All values are checked before anything is sent, and several statements run in one
    /// transaction, so either every row is inserted or none is. Generated keys are filled in.
    /// Returns the rows inserted.
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was sent.</exception>
    public Task<int> InsertManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return EntityWriter.InsertManyAsync(Database, _map, new List<TEntity>(entities), Shape.Filters, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="InsertManyAsync(IEnumerable{TEntity}, CancellationToken)"/>
    public int InsertMany(IEnumerable<TEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return Synchronously.Result(EntityWriter.InsertManyAsync(Database, _map, new List<TEntity>(entities), Shape.Filters, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Loads many rows fast with <c>LOAD DATA LOCAL INFILE</c> (MySqlConnector's <c>MySqlBulkCopy</c>), streamed from
    /// <paramref name="entities"/> through the generated insert binder: each row is stamped, given its tenant and
    /// checked as it goes, and the load runs in one transaction, so a bad row, a server warning (a value that would be
    /// cut) or a taken key (unless <see cref="BulkInsertOptions.Conflict"/> says to skip or replace it) leaves nothing
    /// behind. Generated keys are not read back: use <see cref="InsertManyAsync"/> when you need them. Needs
    /// <c>AllowLoadLocalInfile=true</c> in the connection string and <c>local_infile=ON</c> on the server; without them
    /// a <see cref="BulkLoadRefusedException"/> names the setting, or, with <see cref="BulkInsertOptions.FallbackToInsert"/>,
    /// the rows go in multi-row INSERTs. Returns the rows the server reports (a replaced row counts twice).
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was kept.</exception>
    /// <exception cref="BulkLoadRefusedException">The connection string or the server does not allow the load.</exception>
    public Task<int> BulkInsertAsync(IEnumerable<TEntity> entities, BulkInsertOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return EntityWriter.BulkInsertAsync(Database, _map, entities, null, Shape.Filters, options ?? new(), IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="BulkInsertAsync(IEnumerable{TEntity}, BulkInsertOptions?, CancellationToken)"/>
    public Task<int> BulkInsertAsync(IAsyncEnumerable<TEntity> entities, BulkInsertOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return EntityWriter.BulkInsertAsync(Database, _map, null, entities, Shape.Filters, options ?? new(), IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="BulkInsertAsync(IEnumerable{TEntity}, BulkInsertOptions?, CancellationToken)"/>
    public int BulkInsert(IEnumerable<TEntity> entities, BulkInsertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return Synchronously.Result(EntityWriter.BulkInsertAsync(Database, _map, entities, null, Shape.Filters, options ?? new(), IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Inserts <paramref name="entity"/> with the new entities reachable through its navigations, in one transaction:
    /// new principals it points at first (<c>[BelongsTo]</c>), then the entity, then its new dependents
    /// (<c>[HasMany]</c>, <c>[HasOne]</c>) with their foreign keys filled from the generated keys, and so on down the
    /// graph. An entity that already has a generated key is not inserted again. If any row fails, nothing is left behind.
    /// </summary>
    public Task InsertGraphAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return InsertGraphAsync(entity, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="InsertGraphAsync(TEntity, CancellationToken)"/>
    public void InsertGraph(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Synchronously.Result(InsertGraphAsync(entity, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Loads <paramref name="navigation"/> for entities already in hand, with one <c>IN (...)</c> query (chunked when
    /// the key list is long) instead of one query per entity, and returns the entities it loaded.
    /// </summary>
    public Task<List<TTarget>> LoadAsync<TTarget, TTargetColumns, TNavigationKey>(
        IReadOnlyList<TEntity> entities,
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TNavigationKey>> navigation,
        CancellationToken cancellationToken = default)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TNavigationKey : notnull =>
        LoadAsync(entities, navigation, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="LoadAsync{TTarget, TTargetColumns, TNavigationKey}(IReadOnlyList{TEntity}, Func{TColumns, Navigation{TEntity, TTarget, TTargetColumns, TNavigationKey}}, CancellationToken)"/>
    public List<TTarget> Load<TTarget, TTargetColumns, TNavigationKey>(
        IReadOnlyList<TEntity> entities,
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TNavigationKey>> navigation)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TNavigationKey : notnull =>
        Synchronously.Result(LoadAsync(entities, navigation, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>
    /// Updates the row with <paramref name="entity"/>'s key to its values (every column but the key and
    /// <c>[CreatedAt]</c>; <c>[UpdatedAt]</c> is stamped). Returns the rows matched: 0 when no row has the key.
    /// With a <c>[ConcurrencyToken]</c>, only the row still at the entity's version is updated, and the entity's
    /// version moves on with it.
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was sent.</exception>
    /// <exception cref="ConcurrencyException">The entity has a concurrency token and its row was changed or deleted since it was read; nothing was written.</exception>
    public Task<int> UpdateAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return UpdateAsync(entity, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="UpdateAsync(TEntity, CancellationToken)"/>
    public int Update(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Synchronously.Result(UpdateAsync(entity, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Inserts <paramref name="entity"/>, or updates the existing row when its key or a unique key is taken
    /// (<c>INSERT ... ON DUPLICATE KEY UPDATE</c>). An AUTO_INCREMENT key that is set (an entity read from the table)
    /// is sent, so the row with that key is the one updated; a zero key is generated, or taken from the row whose
    /// unique key matched. Returns what the server reports: 1 for an insert, 2 for an update that changed the row, 1 for
    /// one that found it unchanged. The key is filled in either way. An upsert is
    /// last-writer-wins: it does not check a <c>[ConcurrencyToken]</c>, but moves the row's version on when it
    /// updates, so read the entity again before updating it by version.
    /// </summary>
    public Task<int> UpsertAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return UpsertAsync(entity, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="UpsertAsync(TEntity, CancellationToken)"/>
    public int Upsert(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Synchronously.Result(UpsertAsync(entity, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Deletes the row with <paramref name="entity"/>'s key; returns the rows deleted (0 or 1). With a
    /// <c>[ConcurrencyToken]</c>, only the row still at the entity's version is deleted.
    /// </summary>
    /// <exception cref="ConcurrencyException">The entity has a concurrency token and its row was changed or deleted since it was read; nothing was deleted.</exception>
    public Task<int> DeleteAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return DeleteAsync(entity, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="DeleteAsync(TEntity, CancellationToken)"/>
    public int Delete(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Synchronously.Result(DeleteAsync(entity, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>Deletes the row with key <paramref name="key"/>, whatever its version; returns the rows deleted (0 or 1).</summary>
    public Task<int> DeleteAsync(TKey key, CancellationToken cancellationToken = default) =>
        DeleteByKeyAsync(KeyValues(key), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteAsync(TKey, CancellationToken)"/>
    public int Delete(TKey key) => Synchronously.Result(DeleteByKeyAsync(KeyValues(key), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Deletes every row of the table (and, as declared, their dependents); returns how many were deleted.</summary>
    public Task<int> DeleteAllAsync(CancellationToken cancellationToken = default) =>
        RowDeleter.DeleteAsync(Database, Map.Table, Shape with { Where = Condition.True }, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteAllAsync(CancellationToken)"/>
    public int DeleteAll() => Synchronously.Result(RowDeleter.DeleteAsync(Database, Map.Table, Shape with { Where = Condition.True }, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>A filtered table is found through a query, so that its filters apply; any other, by the generator's own statement.</summary>
    private ValueTask<TEntity?> FindAsync(TKey key, IOBehavior io, CancellationToken cancellationToken)
    {
        var values = KeyValues(key);
        var statement = Map.Table.HasQueryFilters
            ? QuerySql.Select(Map.Table, Shape with { Where = ByKey(values, withToken: false) }, null).ToStatement()
            : new SqlStatement(Statements.FindByKey, values.ToArray());
        return Database.Executor.FirstOrDefaultAsync(new CommandRequest(statement, Map.Table, cancellationToken).AsRead(), Map.OrdinalReader, io);
    }

    private ParameterValues KeyValues(TKey key)
    {
        var values = new ParameterValues(Map.Table.KeyColumns.Count);
        _map.BindKey(key, values);
        return values;
    }

    private ValueTask<bool> InsertGraphAsync(TEntity entity, IOBehavior io, CancellationToken cancellationToken) =>
        Database.RunOnceAsync(
            async (_, ct) =>
            {
                if (_map.HasGeneratedKeyValue(entity))
                {
                    throw new InvalidOperationException($"This {Map.Table.EntityName} already has a generated key: it is stored already, so there is no graph to insert from it.");
                }

                await new GraphWriter(Database).InsertAsync(entity, _map, io, ct).ConfigureAwait(false);
                return true;
            },
            io,
            cancellationToken);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<List<TTarget>> LoadAsync<TTarget, TTargetColumns, TNavigationKey>(
        IReadOnlyList<TEntity> entities,
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TNavigationKey>> navigation,
        IOBehavior io,
        CancellationToken cancellationToken)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TNavigationKey : notnull
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(navigation);
        var sources = new List<object>(entities.Count);
        foreach (var entity in entities) sources.Add(entity!);
        var loaded = await navigation(Map.GetColumns(0)).LoadAsync(Database, Shape.Filters, sources, IncludeLoader.MaxKeysPerQuery, io, cancellationToken).ConfigureAwait(false);
        return loaded.ConvertAll(static item => (TTarget)item);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> UpdateAsync(TEntity entity, IOBehavior io, CancellationToken cancellationToken)
    {
        var sql = Statements.Update ?? throw new InvalidOperationException($"{Map.Table.EntityName} has only key columns: there is nothing to update.");
        // A tracked entity nobody assigned to has nothing to send: no statement, no [UpdatedAt], no new version.
        if (_map.TracksChanges && _map.ChangedColumns(entity) == 0) return 0;
        EntityWriter.Prepare(Database, _map, entity, inserting: false, Shape.Filters);
        var values = new ParameterValues(Statements.UpdateParameterCount);
        if (_map.TracksChanges)
        {
            var changed = _map.ChangedColumns(entity);
            sql = Statements.PartialUpdates.For(changed);
            _map.BindChanged(entity, changed, values);
        }
        else
        {
            _map.BindUpdate(entity, values);
        }

        _map.BindConcurrencyToken(entity, values);
        // Only a row within the filters is matched: this object's tenant's, not marked deleted (unless they are ignored).
        var statement = Map.Table.HasQueryFilters ? QuerySql.Filtered(sql, values.ToArray(), Map.Table, Shape.Filters) : new SqlStatement(sql, values.ToArray());
        var rows = await Database.Executor.ExecuteAsync(new CommandRequest(statement, Map.Table, cancellationToken), io).ConfigureAwait(false);
        if (Map.Table.ConcurrencyToken is { } token)
        {
            if (rows == 0) throw new ConcurrencyException(Map.Table.EntityName, Map.Table.Name, token.Name, statement.Text);
            _map.AdvanceConcurrencyToken(entity);
        }

        // Written: the entity matches its row again. Not matched: what was assigned is still to be sent.
        if (rows > 0) _map.AcceptChanges(entity);
        return rows;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> UpsertAsync(TEntity entity, IOBehavior io, CancellationToken cancellationToken)
    {
        EntityWriter.Prepare(Database, _map, entity, inserting: true, Shape.Filters);
        var insert = Statements.InsertFor(_map, entity);
        var values = new ParameterValues(insert.ColumnCount);
        insert.Bind(_map, entity, values);
        var dialect = await Database.GetDialectAsync(io, cancellationToken).ConfigureAwait(false);
        var (rows, id) = await Database.Executor.ExecuteWithIdAsync(new CommandRequest(new SqlStatement(insert.Upsert(dialect), values.ToArray()), Map.Table, cancellationToken), io).ConfigureAwait(false);
        if (Map.Table.TenantKey is not null) await CheckUpsertedTenantAsync(entity, insert.IncludesGeneratedKey ? 0 : id, io, cancellationToken).ConfigureAwait(false);
        if (EntityWriter.HasGeneratedKey(Map.Table) && !insert.IncludesGeneratedKey && id != 0) _map.SetGeneratedKey(entity, id);
        _map.AcceptChanges(entity);
        return rows;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> DeleteAsync(TEntity entity, IOBehavior io, CancellationToken cancellationToken)
    {
        if (Map.Table.TenantKey is not null && Shape.Filters.Applies(QueryFilter.Tenant)) _map.ClaimTenant(entity, Shape.Filters.TenantFor(Map.Table));
        var values = new ParameterValues(Map.Table.KeyColumns.Count + (Map.Table.ConcurrencyToken is null ? 0 : 1));
        _map.BindKeyOf(entity, values);
        _map.BindConcurrencyToken(entity, values);
        var rows = await DeleteByKeyAsync(values, io, cancellationToken).ConfigureAwait(false);
        if (Map.Table.ConcurrencyToken is { } token)
        {
            if (rows == 0) throw new ConcurrencyException(Map.Table.EntityName, Map.Table.Name, token.Name, Statements.DeleteByKeyAndToken);

            // A soft delete is an update: the row's version moved on, and the entity follows, so it can still be saved.
            if (Map.Table.SoftDelete is not null && Shape.Filters.Applies(QueryFilter.SoftDelete)) _map.AdvanceConcurrencyToken(entity);
        }

        return rows;
    }

    /// <summary>
    /// Deletes one row by key (and by version, when <paramref name="values"/> carries one after the key);
    /// dependents declared ON DELETE CASCADE or SET NULL are handled first. A row of a filtered table is deleted
    /// within its filters: only this object's tenant's, and marked rather than removed when it has <c>[SoftDelete]</c>.
    /// </summary>
    private ValueTask<int> DeleteByKeyAsync(ParameterValues values, IOBehavior io, CancellationToken cancellationToken)
    {
        var withToken = values.Count > Map.Table.KeyColumns.Count;
        if (!Map.Table.HasQueryFilters && Database.Schema.DependentsOf(Map.Table).Count == 0)
        {
            return Database.Executor.ExecuteAsync(new CommandRequest(new SqlStatement(withToken ? Statements.DeleteByKeyAndToken : Statements.DeleteByKey, values.ToArray()), Map.Table, cancellationToken), io);
        }

        return RowDeleter.DeleteAsync(Database, Map.Table, Shape with { Where = ByKey(values, withToken) }, io, cancellationToken);
    }

    /// <summary>The key's columns equal to the first values of <paramref name="values"/> (and the version to the next, <paramref name="withToken"/>).</summary>
    private Condition ByKey(ParameterValues values, bool withToken)
    {
        var keys = Map.Table.KeyColumns;
        Condition? byKey = null;
        for (var i = 0; i < keys.Count; i++)
        {
            byKey = FilterState.And(byKey, new ValueComparison(new ColumnRef(keys[i], 0), ComparisonOperator.Equal, values[i]));
        }

        if (withToken) byKey = FilterState.And(byKey, new ValueComparison(new ColumnRef(Map.Table.ConcurrencyToken!, 0), ComparisonOperator.Equal, values[keys.Count]));
        return byKey!;
    }

    /// <summary>
    /// After an upsert of a table with a tenant key: the row now at the entity's key (or at the key the server
    /// reported, <paramref name="reportedKey"/>) must be the entity's tenant's. The upsert's assignments leave a row
    /// of another tenant as it was, so when its key or a unique key was taken by one, nothing was written; this says so.
    /// </summary>
    private async ValueTask CheckUpsertedTenantAsync(TEntity entity, long reportedKey, IOBehavior io, CancellationToken cancellationToken)
    {
        var tenantKey = Map.Table.TenantKey!;
        Condition at;
        if (reportedKey != 0 && EntityWriter.HasGeneratedKey(Map.Table))
        {
            at = new ValueComparison(new ColumnRef(Map.Table.KeyColumns[0], 0), ComparisonOperator.Equal, reportedKey);
        }
        else
        {
            var keyValues = new ParameterValues(Map.Table.KeyColumns.Count);
            _map.BindKeyOf(entity, keyValues);
            at = ByKey(keyValues, withToken: false);
        }

        var ours = FilterState.And(at, new ValueComparison(new ColumnRef(tenantKey, 0), ComparisonOperator.Equal, tenantKey.ToDbValue(_map.TenantOf(entity))))!;
        var check = QuerySql.Count(Map.Table, QueryShape.Empty with { Where = ours, Filters = FilterState.NoTenant.Ignoring(QueryFilter.All) }).ToStatement();
        if (await Database.Executor.ScalarAsync<long>(new CommandRequest(check, Map.Table, cancellationToken), io).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException(
                $"The upsert of {Map.Table.EntityName} found its key or a unique key taken by a row of another tenant ({tenantKey.PropertyName}), which it left as it was: nothing was written.");
        }
    }
}
