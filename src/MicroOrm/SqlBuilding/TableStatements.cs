using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The fixed statements of one table, written once from its metadata: insert, update, delete and find by key,
/// upsert. Their placeholder order is the order the generated binders append values in.
/// </summary>
internal sealed class TableStatements
{
    private const int KeptInsertTexts = 8;
    private readonly Dictionary<int, string> _insertTexts = new();

    public TableStatements(TableInfo table)
    {
        var insertColumns = new List<ColumnInfo>();
        var updateColumns = new List<ColumnInfo>();
        foreach (var column in table.Columns)
        {
            if (!column.IsAutoIncrement) insertColumns.Add(column);
            if (!column.IsKey && !column.IsAutoIncrement && (column.Flags & (ColumnFlags.CreatedAt | ColumnFlags.ConcurrencyToken)) == 0) updateColumns.Add(column);
        }

        InsertColumnCount = insertColumns.Count;
        InsertPrefix = $"INSERT INTO {table.QuotedName} ({JoinNames(insertColumns)}) VALUES ";
        Insert = BuildInsert(1);

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

        var upsert = new StringBuilder(Insert).Append(" ON DUPLICATE KEY UPDATE ");
        var first = true;
        foreach (var column in updateColumns)
        {
            if (!first) upsert.Append(", ");
            first = false;
            // VALUES(column) is accepted by MySQL 8 (deprecated there, still supported) and by MariaDB, which lacks the row alias syntax.
            upsert.Append(column.QuotedName).Append(" = VALUES(").Append(column.QuotedName).Append(')');
        }

        if (token is not null)
        {
            if (!first) upsert.Append(", ");
            first = false;
            upsert.Append(token.QuotedName).Append(" = ").Append(token.QuotedName).Append(" + 1");
        }

        foreach (var key in table.KeyColumns)
        {
            if (!key.IsAutoIncrement) continue;
            // Makes LAST_INSERT_ID() report the existing row's key when the upsert updates rather than inserts.
            if (!first) upsert.Append(", ");
            first = false;
            upsert.Append(key.QuotedName).Append(" = LAST_INSERT_ID(").Append(key.QuotedName).Append(')');
        }

        if (first)
        {
            var key = table.KeyColumns[0].QuotedName;
            upsert.Append(key).Append(" = ").Append(key);
        }

        Upsert = upsert.ToString();
    }

    /// <summary><c>INSERT INTO t (...) VALUES </c>, for multi-row inserts.</summary>
    public string InsertPrefix { get; }

    /// <summary>How many values one inserted row binds.</summary>
    public int InsertColumnCount { get; }

    /// <summary>A one-row INSERT.</summary>
    public string Insert { get; }

    /// <summary>
    /// An INSERT of <paramref name="rows"/> rows. The texts of the last few row counts are kept: a program inserting
    /// batches of the same size builds the (long) text once.
    /// </summary>
    public string InsertRows(int rows)
    {
        if (rows == 1) return Insert;
        lock (_insertTexts)
        {
            if (_insertTexts.TryGetValue(rows, out var known)) return known;
        }

        var made = BuildInsert(rows);
        lock (_insertTexts)
        {
            if (_insertTexts.Count >= KeptInsertTexts) _insertTexts.Clear();
            _insertTexts[rows] = made;
        }

        return made;
    }

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

    /// <summary>INSERT ... ON DUPLICATE KEY UPDATE of one row.</summary>
    public string Upsert { get; }

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

    /// <summary><see cref="InsertPrefix"/> followed by <paramref name="rows"/> rows of placeholders, numbered on across the rows.</summary>
    private string BuildInsert(int rows)
    {
        var text = new StringBuilder(InsertPrefix, InsertPrefix.Length + (rows * InsertColumnCount * 9));
        var parameter = 0;
        for (var row = 0; row < rows; row++)
        {
            if (row > 0) text.Append(", ");
            text.Append('(');
            for (var column = 0; column < InsertColumnCount; column++)
            {
                if (column > 0) text.Append(", ");
                text.Append(SqlWriter.ParameterName(parameter++));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static string TokenCondition(ColumnInfo? token, ref int parameter) =>
        token is null ? "" : " AND " + token.QuotedName + " = " + SqlWriter.ParameterName(parameter++);

    private static string JoinNames(List<ColumnInfo> columns)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(columns[i].QuotedName);
        }

        return builder.ToString();
    }
}
