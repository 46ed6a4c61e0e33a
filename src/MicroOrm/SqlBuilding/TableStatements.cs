using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The fixed statements of one table, written once from its metadata: insert and upsert (with and without the
/// AUTO_INCREMENT key), update, delete and find by key. Their placeholder order is the order the generated binders
/// append values in.
/// </summary>
internal sealed class TableStatements
{
    public TableStatements(TableInfo table)
    {
        var insertColumns = new List<ColumnInfo>();
        var updateColumns = new List<ColumnInfo>();
        foreach (var column in table.Columns)
        {
            if (!column.IsAutoIncrement) insertColumns.Add(column);
            if (!column.IsKey && !column.IsAutoIncrement && (column.Flags & (ColumnFlags.CreatedAt | ColumnFlags.ConcurrencyToken)) == 0) updateColumns.Add(column);
        }

        var parameter = 0;
        var update = new StringBuilder("UPDATE ").Append(table.QuotedName).Append(" SET ");
        for (var i = 0; i < updateColumns.Count; i++)
        {
            if (i > 0) update.Append(", ");
            update.Append(updateColumns[i].QuotedName).Append(" = ").Append(SqlWriter.ParameterName(parameter++));
        }

        var token = table.ConcurrencyToken;
        if (token is not null)
        {
            // The version moves on with every update; the WHERE below checks the one the entity was read with.
            if (updateColumns.Count > 0) update.Append(", ");
            update.Append(token.QuotedName).Append(" = ").Append(token.QuotedName).Append(" + 1");
        }

        Update = updateColumns.Count == 0 && token is null ? null : update.Append(KeyCondition(table, ref parameter)).Append(TokenCondition(token, ref parameter)).ToString();
        UpdateParameterCount = parameter;

        parameter = 0;
        DeleteByKey = "DELETE FROM " + table.QuotedName + KeyCondition(table, ref parameter);
        DeleteByKeyAndToken = token is null ? DeleteByKey : DeleteByKey + TokenCondition(token, ref parameter);
        parameter = 0;
        FindByKey = "SELECT " + table.SelectList + " FROM " + table.QuotedName + KeyCondition(table, ref parameter);

        var assignments = new UpsertAssignments(table, updateColumns, token);
        Insert = new InsertStatement(table, insertColumns, assignments, includesGeneratedKey: false);
        if (table.KeyColumns.Count == 1 && table.KeyColumns[0].IsAutoIncrement)
        {
            InsertWithKey = new InsertStatement(table, [table.KeyColumns[0], .. insertColumns], assignments, includesGeneratedKey: true);
        }
    }

    /// <summary>The INSERT of a row whose AUTO_INCREMENT key (if any) the server generates: every other column.</summary>
    public InsertStatement Insert { get; }

    /// <summary>
    /// The INSERT of a row whose AUTO_INCREMENT key the caller already set (read from the table, or chosen): the key
    /// first, then every other column. <see langword="null"/> when the table has no AUTO_INCREMENT key.
    /// </summary>
    public InsertStatement? InsertWithKey { get; }

    /// <summary>
    /// UPDATE of every updatable column by key (and, with a <c>[ConcurrencyToken]</c>, by the version read, which it
    /// increments); <see langword="null"/> when only key columns exist.
    /// </summary>
    public string? Update { get; }

    /// <summary>How many values <see cref="Update"/> takes, so that its parameter list is made at its exact size.</summary>
    public int UpdateParameterCount { get; }

    /// <summary>DELETE by key.</summary>
    public string DeleteByKey { get; }

    /// <summary>DELETE by key and <c>[ConcurrencyToken]</c> value; the same as <see cref="DeleteByKey"/> without a token.</summary>
    public string DeleteByKeyAndToken { get; }

    /// <summary>SELECT by key.</summary>
    public string FindByKey { get; }

    /// <summary>The INSERT for <paramref name="entity"/>: with its key when it already has an AUTO_INCREMENT key set.</summary>
    public InsertStatement InsertFor<TEntity>(EntityMap<TEntity> map, TEntity entity) =>
        InsertWithKey is { } withKey && map.HasGeneratedKeyValue(entity) ? withKey : Insert;

    private static string KeyCondition(TableInfo table, ref int parameter)
    {
        var builder = new StringBuilder(" WHERE ");
        for (var i = 0; i < table.KeyColumns.Count; i++)
        {
            if (i > 0) builder.Append(" AND ");
            builder.Append(table.KeyColumns[i].QuotedName).Append(" = ").Append(SqlWriter.ParameterName(parameter++));
        }

        return builder.ToString();
    }

    private static string TokenCondition(ColumnInfo? token, ref int parameter) =>
        token is null ? "" : " AND " + token.QuotedName + " = " + SqlWriter.ParameterName(parameter++);
}
