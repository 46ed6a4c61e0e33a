using System;
using System.Collections.Generic;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// Inserts entities through their generated map: stamps timestamps, validates every value, binds, sends, and fills in
/// generated keys. Shared by the table accessors and by graph inserts.
/// </summary>
internal static class EntityWriter
{
    /// <summary>Stamps and checks one entity; <paramref name="errors"/>, when given, is reused while it stays empty (a batch checks many entities).</summary>
    public static void Prepare<TEntity>(DatabaseContext database, EntityMap<TEntity> map, TEntity entity, bool inserting, ValidationErrors? errors = null)
    {
        map.Stamp(entity, database.UtcNowForColumns(), inserting);
        errors ??= new ValidationErrors();
        map.Validate(entity, errors, inserting);
        if (errors.HasErrors) throw new ValidationException(map.Table.EntityName, map.Table.Name, errors.Errors);
    }

    public static bool HasGeneratedKey(TableInfo table) => table.KeyColumns.Count == 1 && table.KeyColumns[0].IsAutoIncrement;

    public static async Task<int> InsertAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, TEntity entity, CancellationToken cancellationToken)
    {
        Prepare(database, map, entity, inserting: true);
        var statements = map.Table.Statements;
        var values = new ParameterValues(statements.InsertColumnCount);
        map.BindInsert(entity, values);
        var (rows, id) = await database.Executor.ExecuteWithIdAsync(new SqlStatement(statements.Insert, values.ToArray()), map.Table, cancellationToken).ConfigureAwait(false);
        if (HasGeneratedKey(map.Table)) map.SetGeneratedKey(entity, id);
        return rows;
    }

    /// <summary>
    /// Multi-row INSERTs under the server's packet limit. Every entity is checked before anything is sent; several
    /// statements run in one transaction (a nested scope inside an open one), so all rows are inserted or none.
    /// </summary>
    public static async Task<int> InsertManyAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        if (entities.Count == 0) return 0;
        var errors = new ValidationErrors();
        foreach (var entity in entities)
        {
            if (entity is null) throw new ArgumentException("The list contains a null entity.", nameof(entities));
            Prepare(database, map, entity, inserting: true, errors);
        }

        var facts = await database.GetServerFactsAsync(cancellationToken).ConfigureAwait(false);
        var batches = InsertBatches.Split(new List<TEntity>(entities), map, map.Table.Statements, facts.MaxStatementBytes);
        if (batches.Count == 1) return await InsertBatchAsync(database, map, batches[0], facts, cancellationToken).ConfigureAwait(false);

        return await database.RunOnceAsync<int>(async (_, ct) =>
        {
            var total = 0;
            foreach (var batch in batches) total += await InsertBatchAsync(database, map, batch, facts, ct).ConfigureAwait(false);
            return total;
        }, IsolationLevel.Unspecified, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> InsertBatchAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, InsertBatches.Batch<TEntity> batch, ServerFacts facts, CancellationToken cancellationToken)
    {
        var (rows, firstId) = await database.Executor.ExecuteWithIdAsync(batch.Statement, map.Table, cancellationToken).ConfigureAwait(false);
        if (HasGeneratedKey(map.Table))
        {
            // A multi-row INSERT with a known row count gets consecutive values (InnoDB lock modes 1 and 2),
            // spaced by auto_increment_increment, starting at LAST_INSERT_ID().
            for (var i = 0; i < batch.Entities.Count; i++) map.SetGeneratedKey(batch.Entities[i], firstId + (i * facts.AutoIncrementIncrement));
        }

        return rows;
    }
}
