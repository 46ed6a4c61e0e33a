using System;
using System.Collections.Generic;

namespace MicroOrm.Mapping;

/// <summary>A table as the generator described it: names, columns, and the SQL it prepared.</summary>
public sealed class TableInfo
{
    /// <summary>Created by generated code.</summary>
    public TableInfo(string name, string entityName, ColumnInfo[] columns, string createSql, string[] referencedTables)
    {
        Name = name;
        EntityName = entityName;
        Columns = columns;
        QuotedName = SqlIdentifier.Quote(name);
        SelectList = SqlIdentifier.JoinQuoted(columns);
        CreateSql = createSql;
        ReferencedTables = referencedTables;
        var keys = new List<ColumnInfo>();
        foreach (var column in columns)
        {
            if (column.IsKey) keys.Add(column);
        }
        KeyColumns = keys.ToArray();
    }

    /// <summary>The table name, unquoted.</summary>
    public string Name { get; }

    /// <summary>The table name quoted with backticks.</summary>
    public string QuotedName { get; }

    /// <summary>The entity's class name.</summary>
    public string EntityName { get; }

    /// <summary>The mapped columns, in declaration order (the order <see cref="SelectList"/> selects them).</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>The key columns, in key order.</summary>
    public IReadOnlyList<ColumnInfo> KeyColumns { get; }

    /// <summary>The quoted, comma-separated column list every generated SELECT uses.</summary>
    public string SelectList { get; }

    /// <summary>The <c>CREATE TABLE IF NOT EXISTS</c> statement, with keys, foreign keys and indexes.</summary>
    public string CreateSql { get; }

    /// <summary>The tables this one's foreign keys reference (they are created before it and dropped after it).</summary>
    public IReadOnlyList<string> ReferencedTables { get; }

    /// <summary>Finds a column by its property name or column name (ordinal, case-insensitive).</summary>
    public ColumnInfo? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.PropertyName, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => QuotedName;
}
