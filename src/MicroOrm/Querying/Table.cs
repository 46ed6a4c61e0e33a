using System;
using System.Collections.Generic;
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
    where TEntity : IEntity<TEntity, TColumns, TKey>
    where TColumns : ColumnSet
{
    private readonly EntityMap<TEntity, TColumns, TKey> _map;

    /// <summary>Created by the generated database class.</summary>
    public Table(DatabaseContext database)
        : base(database, TEntity.Map, QueryShape.Empty)
    {
        _map = TEntity.Map;
    }

    /// <summary>The table's metadata.</summary>
    public TableInfo Info => Map.Table;

    private TableStatements Statements => Map.Table.Statements;

    /// <summary>The row with key <paramref name="key"/>, or <see langword="null"/>.</summary>
    public Task<TEntity?> FindAsync(TKey key, CancellationToken cancellationToken = default)
    {
        var values = new ParameterValues(Map.Table.KeyColumns.Count);
        _map.BindKey(key, values);
        return Database.Executor.FirstOrDefaultAsync(new SqlStatement(Statements.FindByKey, values.ToArray()), Map.OrdinalReader, Map.Table, cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="entity"/>: stamps <c>[CreatedAt]</c>/<c>[UpdatedAt]</c>, checks every value, and fills
    /// in the AUTO_INCREMENT key the server generated. Returns the rows inserted (1).
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was sent.</exception>
    public async Task<int> InsertAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Prepare(entity, inserting: true);
        var values = new ParameterValues(Statements.InsertColumnCount);
        _map.BindInsert(entity, values);
        var (rows, id) = await Database.Executor.ExecuteWithIdAsync(new SqlStatement(Statements.Insert, values.ToArray()), Map.Table, cancellationToken).ConfigureAwait(false);
        if (HasGeneratedKey) _map.SetGeneratedKey(entity, id);
        return rows;
    }

    /// <summary>
    /// Inserts every entity with multi-row INSERTs, split so that no statement exceeds the server's
    /// <c>max_allowed_packet</c>. All values are checked before anything is sent, and several statements run in one
    /// transaction, so either every row is inserted or none is. Generated keys are filled in.
    /// Returns the rows inserted.
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was sent.</exception>
    public async Task<int> InsertManyAsync(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var all = new List<TEntity>(entities);
        if (all.Count == 0) return 0;
        foreach (var entity in all)
        {
            if (entity is null) throw new ArgumentException("The list contains a null entity.", nameof(entities));
            Prepare(entity, inserting: true);
        }

        var facts = await Database.GetServerFactsAsync(cancellationToken).ConfigureAwait(false);
        var batches = InsertBatches.Split(all, _map, Statements, facts.MaxStatementBytes);
        if (batches.Count == 1) return await InsertBatchAsync(batches[0], facts, cancellationToken).ConfigureAwait(false);

        return await Database.RunInTransactionAsync<int>(async (_, ct) =>
        {
            var total = 0;
            foreach (var batch in batches) total += await InsertBatchAsync(batch, facts, ct).ConfigureAwait(false);
            return total;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates the row with <paramref name="entity"/>'s key to its values (every column but the key and
    /// <c>[CreatedAt]</c>; <c>[UpdatedAt]</c> is stamped). Returns the rows matched: 0 when no row has the key.
    /// </summary>
    /// <exception cref="ValidationException">A value does not fit its column; nothing was sent.</exception>
    public Task<int> UpdateAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var sql = Statements.Update ?? throw new InvalidOperationException($"{Map.Table.EntityName} has only key columns: there is nothing to update.");
        Prepare(entity, inserting: false);
        var values = new ParameterValues(Map.Table.Columns.Count);
        _map.BindUpdate(entity, values);
        return Database.Executor.ExecuteAsync(new SqlStatement(sql, values.ToArray()), Map.Table, cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="entity"/>, or updates the existing row when its key or a unique key is taken
    /// (<c>INSERT ... ON DUPLICATE KEY UPDATE</c>). Returns what the server reports: 1 for an insert, 2 for an update
    /// that changed the row, 1 for one that found it unchanged. The key is filled in either way.
    /// </summary>
    public async Task<int> UpsertAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Prepare(entity, inserting: true);
        var values = new ParameterValues(Statements.InsertColumnCount);
        _map.BindInsert(entity, values);
        var (rows, id) = await Database.Executor.ExecuteWithIdAsync(new SqlStatement(Statements.Upsert, values.ToArray()), Map.Table, cancellationToken).ConfigureAwait(false);
        if (HasGeneratedKey && id != 0) _map.SetGeneratedKey(entity, id);
        return rows;
    }

    /// <summary>Deletes the row with <paramref name="entity"/>'s key; returns the rows deleted (0 or 1).</summary>
    public Task<int> DeleteAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var values = new ParameterValues(Map.Table.KeyColumns.Count);
        _map.BindKeyOf(entity, values);
        return Database.Executor.ExecuteAsync(new SqlStatement(Statements.DeleteByKey, values.ToArray()), Map.Table, cancellationToken);
    }

    /// <summary>Deletes the row with key <paramref name="key"/>; returns the rows deleted (0 or 1).</summary>
    public Task<int> DeleteAsync(TKey key, CancellationToken cancellationToken = default)
    {
        var values = new ParameterValues(Map.Table.KeyColumns.Count);
        _map.BindKey(key, values);
        return Database.Executor.ExecuteAsync(new SqlStatement(Statements.DeleteByKey, values.ToArray()), Map.Table, cancellationToken);
    }

    /// <summary>Deletes every row of the table; returns how many were deleted.</summary>
    public Task<int> DeleteAllAsync(CancellationToken cancellationToken = default) =>
        Database.Executor.ExecuteAsync(new SqlStatement("DELETE FROM " + Map.Table.QuotedName, []), Map.Table, cancellationToken);

    private bool HasGeneratedKey => Map.Table.KeyColumns.Count == 1 && Map.Table.KeyColumns[0].IsAutoIncrement;

    private void Prepare(TEntity entity, bool inserting)
    {
        _map.Stamp(entity, Database.UtcNowForColumns(), inserting);
        var errors = new ValidationErrors();
        _map.Validate(entity, errors, inserting);
        if (errors.HasErrors) throw new ValidationException(Map.Table.EntityName, Map.Table.Name, errors.Errors);
    }

    private async Task<int> InsertBatchAsync(InsertBatches.Batch<TEntity> batch, ServerFacts facts, CancellationToken cancellationToken)
    {
        var (rows, firstId) = await Database.Executor.ExecuteWithIdAsync(batch.Statement, Map.Table, cancellationToken).ConfigureAwait(false);
        if (HasGeneratedKey)
        {
            // A multi-row INSERT with a known row count gets consecutive values (InnoDB lock modes 1 and 2),
            // spaced by auto_increment_increment, starting at LAST_INSERT_ID().
            for (var i = 0; i < batch.Entities.Count; i++) _map.SetGeneratedKey(batch.Entities[i], firstId + (i * facts.AutoIncrementIncrement));
        }

        return rows;
    }
}
