using System;
using System.Collections.Generic;
using System.Data;
using System.Runtime.CompilerServices;
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
    /// <summary>
    /// Stamps and checks one entity, and claims it for the tenant when its table has a tenant key (filling the key,
    /// or refusing an entity of another tenant); <paramref name="errors"/>, when given, is reused while it stays empty
    /// (a batch checks many entities).
    /// </summary>
    public static void Prepare<TEntity>(DatabaseContext database, EntityMap<TEntity> map, TEntity entity, bool inserting, FilterState filters, ValidationErrors? errors = null)
    {
        if (map.Table.TenantKey is not null && filters.Applies(QueryFilter.Tenant)) map.ClaimTenant(entity, filters.TenantFor(map.Table));
        map.Stamp(entity, database.UtcNowForColumns(), inserting);
        errors ??= new ValidationErrors();
        map.Validate(entity, errors, inserting);
        // A partial update sends only the assigned columns: the others are the server's, and not this write's to check.
        if (!inserting && map.TracksChanges) errors.KeepOnly(column => IsAssigned(map.Table, map.ChangedColumns(entity), column));
        if (errors.HasErrors) throw new ValidationException(map.Table.EntityName, map.Table.Name, errors.Errors);
    }

    private static bool IsAssigned(TableInfo table, ulong changed, string column)
    {
        var updated = table.Sql.UpdatedColumns;
        for (var i = 0; i < updated.Count; i++)
        {
            if (updated[i].Name == column) return (changed & (1UL << i)) != 0;
        }

        return false;
    }

    public static bool HasGeneratedKey(TableInfo table) => table.KeyColumns.Count == 1 && table.KeyColumns[0].IsAutoIncrement;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> InsertAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, TEntity entity, FilterState filters, IOBehavior io, CancellationToken cancellationToken)
    {
        Prepare(database, map, entity, inserting: true, filters);
        var insert = map.Table.Statements.InsertFor(map, entity);
        var values = new ParameterValues(insert.ColumnCount);
        insert.Bind(map, entity, values);
        var (rows, id) = await database.Executor.ExecuteWithIdAsync(new CommandRequest(new SqlStatement(insert.One, values.ToArray()), map.Table, cancellationToken), io).ConfigureAwait(false);
        if (HasGeneratedKey(map.Table) && !insert.IncludesGeneratedKey) map.SetGeneratedKey(entity, id);
        map.AcceptChanges(entity);
        return rows;
    }

    /// <summary>
    /// Multi-row INSERTs under the server's packet limit. Every entity is checked before anything is sent; several
    /// statements run in one transaction (a nested scope inside an open one), so all rows are inserted or none.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> InsertManyAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, IReadOnlyList<TEntity> entities, FilterState filters, IOBehavior io, CancellationToken cancellationToken, string? verb = null)
    {
        if (entities.Count == 0) return 0;
        var errors = new ValidationErrors();
        foreach (var entity in entities)
        {
            if (entity is null) throw new ArgumentException("The list contains a null entity.", nameof(entities));
            Prepare(database, map, entity, inserting: true, filters, errors);
        }

        var facts = await database.GetServerFactsAsync(io, cancellationToken).ConfigureAwait(false);
        var dialect = await database.GetDialectAsync(io, cancellationToken).ConfigureAwait(false);
        var batches = Batches(map, entities, facts, HasGeneratedKey(map.Table) && verb is null ? dialect.ReturningKey(map.Table.KeyColumns[0]) : null, verb);
        if (batches.Count == 1) return await InsertBatchAsync(database, map, batches[0], facts, io, cancellationToken).ConfigureAwait(false);

        return await database.RunOnceAsync<int>(async (_, ct) =>
        {
            var total = 0;
            foreach (var batch in batches) total += await InsertBatchAsync(database, map, batch, facts, io, ct).ConfigureAwait(false);
            return total;
        }, io, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the rows with <c>LOAD DATA LOCAL INFILE</c>, streamed from <paramref name="rows"/> or
    /// <paramref name="asyncRows"/> through the generated insert binder, in one transaction (a nested scope inside an
    /// open one): a row that fails its checks, a server warning or a conflict the options do not accept takes the whole
    /// load back. Generated keys are not read back. When the client or server refuses the load and the caller allowed
    /// it, the rows go in multi-row INSERTs instead (IGNORE or REPLACE as asked).
    /// </summary>
    public static async ValueTask<int> BulkInsertAsync<TEntity>(
        DatabaseContext database, EntityMap<TEntity> map, IEnumerable<TEntity>? rows, IAsyncEnumerable<TEntity>? asyncRows, FilterState filters, BulkInsertOptions options, IOBehavior io, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(options.Conflict)) throw new ArgumentOutOfRangeException(nameof(options), options.Conflict, "Not a bulk conflict option.");
        var columns = map.Table.Statements.BulkColumns;
        try
        {
            return await database.RunOnceAsync<int>(async (_, ct) =>
            {
                var reader = new EntityDataReader<TEntity>(map, columns, entity => Prepare(database, map, entity, inserting: true, filters), rows, asyncRows, ct);
                await using (reader.ConfigureAwait(false))
                {
                    var loaded = await database.Executor.BulkLoadAsync(map.Table, columns.Columns, reader, options.Conflict, io, ct).ConfigureAwait(false);
                    if (reader.Tracked is { } tracked) foreach (var entity in tracked) map.AcceptChanges(entity);
                    return loaded;
                }
            }, io, cancellationToken).ConfigureAwait(false);
        }
        catch (BulkLoadRefusedException) when (options.FallbackToInsert)
        {
            // Refused before any row was read: the rows are all still to come.
            var list = rows is not null ? new List<TEntity>(rows) : await ToListAsync(asyncRows!, cancellationToken).ConfigureAwait(false);
            var verb = BulkSql.InsertVerb(options.Conflict);
            return await InsertManyAsync(database, map, list, filters, io, cancellationToken, verb).ConfigureAwait(false);
        }
    }

    private static async ValueTask<List<TEntity>> ToListAsync<TEntity>(IAsyncEnumerable<TEntity> rows, CancellationToken cancellationToken)
    {
        var list = new List<TEntity>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(row);
        return list;
    }

    /// <summary>
    /// The batches for <paramref name="entities"/>: rows whose AUTO_INCREMENT key the caller set go in statements that
    /// send it, the others in statements that let the server generate it (one multi-row INSERT cannot mix the two and
    /// still report the generated keys). The ones the server keys end with <paramref name="returning"/>, when the dialect
    /// has it.
    /// </summary>
    private static List<InsertBatches.Batch<TEntity>> Batches<TEntity>(EntityMap<TEntity> map, IReadOnlyList<TEntity> entities, ServerFacts facts, string? returning, string? verb)
    {
        var statements = map.Table.Statements;
        var insert = verb is null ? statements.Insert : statements.Insert.WithVerb(verb);
        if (statements.InsertWithKey is not { } keyedInsert) return InsertBatches.Split(new List<TEntity>(entities), map, insert, facts.MaxStatementBytes, returning);
        var withKey = verb is null ? keyedInsert : keyedInsert.WithVerb(verb);
        var generated = new List<TEntity>();
        var keyed = new List<TEntity>();
        foreach (var entity in entities) (map.HasGeneratedKeyValue(entity) ? keyed : generated).Add(entity);
        var batches = new List<InsertBatches.Batch<TEntity>>();
        if (generated.Count > 0) batches.AddRange(InsertBatches.Split(generated, map, insert, facts.MaxStatementBytes, returning));
        if (keyed.Count > 0) batches.AddRange(InsertBatches.Split(keyed, map, withKey, facts.MaxStatementBytes));
        return batches;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<int> InsertBatchAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, InsertBatches.Batch<TEntity> batch, ServerFacts facts, IOBehavior io, CancellationToken cancellationToken)
    {
        var request = new CommandRequest(batch.Statement, map.Table, cancellationToken);
        if (batch.ReturnsKeys)
        {
            var keys = await database.Executor.InsertReturningKeysAsync(request, io).ConfigureAwait(false);
            if (keys.Count != batch.Entities.Count) throw new InvalidOperationException($"The server returned {keys.Count} keys for {batch.Entities.Count} rows inserted into {map.Table.Name}.");
            for (var i = 0; i < batch.Entities.Count; i++) map.SetGeneratedKey(batch.Entities[i], keys[i]);
            foreach (var entity in batch.Entities) map.AcceptChanges(entity);
            return keys.Count;
        }

        var (rows, firstId) = await database.Executor.ExecuteWithIdAsync(request, io).ConfigureAwait(false);
        if (HasGeneratedKey(map.Table) && !batch.Insert.IncludesGeneratedKey && batch.Insert.ReportsKeys)
        {
            // A multi-row INSERT with a known row count gets consecutive values (InnoDB lock modes 1 and 2),
            // spaced by auto_increment_increment, starting at LAST_INSERT_ID().
            for (var i = 0; i < batch.Entities.Count; i++) map.SetGeneratedKey(batch.Entities[i], firstId + (i * facts.AutoIncrementIncrement));
        }

        foreach (var entity in batch.Entities) map.AcceptChanges(entity);
        return rows;
    }
}
