using System.Collections.Generic;
using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>
/// The fixed statements of a table, written by the generator from the model: the same text on every server family.
/// Their placeholders are numbered in the order the generated binders add values.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TableSql
{
    /// <summary>Created by generated code.</summary>
    public TableSql(
        string selectList, string insertPrefix, string insert, int insertColumnCount, string? insertWithKeyPrefix, string? insertWithKey,
        string? update, int updateParameterCount, ColumnInfo[] updatedColumns, string deleteByKey, string deleteByKeyAndToken, string findByKey)
    {
        SelectList = selectList;
        InsertPrefix = insertPrefix;
        Insert = insert;
        InsertColumnCount = insertColumnCount;
        InsertWithKeyPrefix = insertWithKeyPrefix;
        InsertWithKey = insertWithKey;
        Update = update;
        UpdateParameterCount = updateParameterCount;
        UpdatedColumns = updatedColumns;
        DeleteByKey = deleteByKey;
        DeleteByKeyAndToken = deleteByKeyAndToken;
        FindByKey = findByKey;
    }

    /// <summary>Every column, quoted and in declaration order: the list every SELECT of the table's rows uses.</summary>
    public string SelectList { get; }

    /// <summary><c>INSERT INTO t (...) VALUES </c> for rows whose AUTO_INCREMENT key (if any) the server generates.</summary>
    public string InsertPrefix { get; }

    /// <summary>The one-row INSERT of <see cref="InsertPrefix"/>.</summary>
    public string Insert { get; }

    /// <summary>How many values one inserted row binds.</summary>
    public int InsertColumnCount { get; }

    /// <summary>The prefix for rows that carry their AUTO_INCREMENT key (the key first); <see langword="null"/> without such a key.</summary>
    public string? InsertWithKeyPrefix { get; }

    /// <summary>The one-row INSERT of <see cref="InsertWithKeyPrefix"/>.</summary>
    public string? InsertWithKey { get; }

    /// <summary>
    /// UPDATE of every updated column by key (and, with a <c>[ConcurrencyToken]</c>, by the version read, which it
    /// increments); <see langword="null"/> when only key columns exist.
    /// </summary>
    public string? Update { get; }

    /// <summary>How many values <see cref="Update"/> takes.</summary>
    public int UpdateParameterCount { get; }

    /// <summary>The columns an update sets (and an upsert that finds its row), in placeholder order.</summary>
    public IReadOnlyList<ColumnInfo> UpdatedColumns { get; }

    /// <summary>DELETE by key.</summary>
    public string DeleteByKey { get; }

    /// <summary>DELETE by key and <c>[ConcurrencyToken]</c> value; the same as <see cref="DeleteByKey"/> without a token.</summary>
    public string DeleteByKeyAndToken { get; }

    /// <summary>SELECT by key.</summary>
    public string FindByKey { get; }
}
