using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// A table's statements as the runtime uses them: the generator's fixed text (<see cref="TableSql"/>), with what
/// the runtime adds: n-row inserts, and the upserts each dialect spells its own way.
/// </summary>
internal sealed class TableStatements
{
    public TableStatements(TableInfo table)
    {
        var sql = table.Sql;
        Update = sql.Update;
        UpdateParameterCount = sql.UpdateParameterCount;
        DeleteByKey = sql.DeleteByKey;
        DeleteByKeyAndToken = sql.DeleteByKeyAndToken;
        FindByKey = sql.FindByKey;
        PartialUpdates = new PartialUpdates(table);
        BulkColumns = new BulkColumns(table);

        var assignments = new UpsertAssignments(table, sql.UpdatedColumns, table.ConcurrencyToken);
        Insert = new InsertStatement(sql.InsertPrefix, sql.Insert, sql.InsertColumnCount, assignments, includesGeneratedKey: false);
        if (sql.InsertWithKeyPrefix is { } prefix && sql.InsertWithKey is { } one)
        {
            InsertWithKey = new InsertStatement(prefix, one, sql.InsertColumnCount + 1, assignments, includesGeneratedKey: true);
        }
    }

    /// <summary>The INSERT of a row whose AUTO_INCREMENT key (if any) the server generates: every other column.</summary>
    public InsertStatement Insert { get; }

    /// <summary>
    /// The INSERT of a row whose AUTO_INCREMENT key the caller already set (read from the table, or chosen): the key
    /// first, then every other column. <see langword="null"/> when the table has no AUTO_INCREMENT key.
    /// </summary>
    public InsertStatement? InsertWithKey { get; }

    /// <inheritdoc cref="TableSql.Update"/>
    public string? Update { get; }

    /// <inheritdoc cref="TableSql.UpdateParameterCount"/>
    public int UpdateParameterCount { get; }

    /// <inheritdoc cref="TableSql.DeleteByKey"/>
    public string DeleteByKey { get; }

    /// <inheritdoc cref="TableSql.DeleteByKeyAndToken"/>
    public string DeleteByKeyAndToken { get; }

    /// <summary>The columns a bulk load sends.</summary>
    public BulkColumns BulkColumns { get; }

    /// <summary>The UPDATEs of the assigned columns of a <c>[TrackChanges]</c> entity.</summary>
    public PartialUpdates PartialUpdates { get; }

    /// <inheritdoc cref="TableSql.FindByKey"/>
    public string FindByKey { get; }

    /// <summary>The INSERT for <paramref name="entity"/>: with its key when it already has an AUTO_INCREMENT key set.</summary>
    public InsertStatement InsertFor<TEntity>(EntityMap<TEntity> map, TEntity entity) =>
        InsertWithKey is { } withKey && map.HasGeneratedKeyValue(entity) ? withKey : Insert;
}
