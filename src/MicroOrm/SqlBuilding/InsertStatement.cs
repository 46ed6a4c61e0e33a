using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The INSERT of one column list: its one-row text (from the generator), its n-row texts, and its upsert. A table has one for rows whose
/// AUTO_INCREMENT key the server generates (the key left out) and, when it has such a key, one for rows that already
/// carry theirs (the key first), so that a key the caller set is never silently replaced by a new one.
/// </summary>
internal sealed class InsertStatement
{
    private const int KeptRowTexts = 8;
    private readonly Dictionary<(int Rows, bool Returning), string> _rowTexts = new();
    private readonly UpsertAssignments _upsertAssignments;
    private readonly string?[] _upserts = new string?[SqlDialect.Count];

    public InsertStatement(string prefix, string one, int columnCount, UpsertAssignments upsertAssignments, bool includesGeneratedKey, bool reportsKeys = true)
    {
        ReportsKeys = reportsKeys;
        IncludesGeneratedKey = includesGeneratedKey;
        ColumnCount = columnCount;
        Prefix = prefix;
        One = one;
        _upsertAssignments = upsertAssignments;
    }

    /// <summary>
    /// Whether the generated keys can be told from LAST_INSERT_ID: not for <c>INSERT IGNORE</c> and <c>REPLACE</c>,
    /// whose skipped or replaced rows break the run of consecutive keys.
    /// </summary>
    public bool ReportsKeys { get; }

    /// <summary>The same INSERT with another verb (<c>INSERT IGNORE INTO</c>, <c>REPLACE INTO</c>) instead of <c>INSERT INTO</c>.</summary>
    public InsertStatement WithVerb(string verb) =>
        new(verb + Prefix.Substring(Verb.Length), verb + One.Substring(Verb.Length), ColumnCount, _upsertAssignments, IncludesGeneratedKey, reportsKeys: false);

    private const string Verb = "INSERT INTO";

    /// <summary>Whether the rows bind their AUTO_INCREMENT key first (the key was set by the caller).</summary>
    public bool IncludesGeneratedKey { get; }

    /// <summary><c>INSERT INTO t (...) VALUES </c>, for multi-row inserts.</summary>
    public string Prefix { get; }

    /// <summary>How many values one row binds.</summary>
    public int ColumnCount { get; }

    /// <summary>A one-row INSERT.</summary>
    public string One { get; }

    /// <summary>INSERT ... ON DUPLICATE KEY UPDATE of one row, as <paramref name="dialect"/> spells it.</summary>
    public string Upsert(SqlDialect dialect) =>
        _upserts[dialect.Index] ??= One + dialect.UpsertRowAlias + " ON DUPLICATE KEY UPDATE " + _upsertAssignments.For(dialect);

    /// <summary>Appends one entity's values in this statement's column order.</summary>
    public void Bind<TEntity>(EntityMap<TEntity> map, TEntity entity, ParameterValues values)
    {
        if (IncludesGeneratedKey) map.BindKeyOf(entity, values);
        map.BindInsert(entity, values);
    }

    /// <summary>
    /// An INSERT of <paramref name="rows"/> rows. The texts of the last few row counts are kept: a program inserting
    /// batches of the same size builds the (long) text once.
    /// </summary>
    public string Rows(int rows) => Rows(rows, null);

    /// <summary>
    /// <see cref="Rows(int)"/> followed by <paramref name="returning"/> (the dialect's RETURNING of the generated key,
    /// the same text for every statement of this column list), kept like the plain texts.
    /// </summary>
    public string Rows(int rows, string? returning)
    {
        if (rows == 1 && returning is null) return One;
        var key = (rows, returning is not null);
        lock (_rowTexts)
        {
            if (_rowTexts.TryGetValue(key, out var known)) return known;
        }

        var made = (rows == 1 ? One : Build(rows)) + returning;
        lock (_rowTexts)
        {
            if (_rowTexts.Count >= KeptRowTexts) _rowTexts.Clear();
            _rowTexts[key] = made;
        }

        return made;
    }

    /// <summary><see cref="Prefix"/> followed by <paramref name="rows"/> rows of placeholders, numbered on across the rows.</summary>
    private string Build(int rows)
    {
        var text = new StringBuilder(Prefix, Prefix.Length + (rows * ColumnCount * 9));
        var parameter = 0;
        for (var row = 0; row < rows; row++)
        {
            if (row > 0) text.Append(", ");
            text.Append('(');
            for (var column = 0; column < ColumnCount; column++)
            {
                if (column > 0) text.Append(", ");
                text.Append(SqlWriter.ParameterName(parameter++));
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
