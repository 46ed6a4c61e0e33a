using System;
using System.Collections.Generic;

namespace MicroOrm.Mapping;

/// <summary>A table as the generator described it: names, columns, and the SQL it prepared.</summary>
public sealed class TableInfo
{
    /// <summary>Created by generated code.</summary>
    public TableInfo(string name, string entityName, ColumnInfo[] columns, ColumnInfo[] keyColumns, TableSql sql, string[] referencedTables, IndexInfo[] indexes, ForeignKeyInfo[] foreignKeys, string? was = null)
    {
        KeyColumns = keyColumns;
        Indexes = indexes;
        ForeignKeys = foreignKeys;
        Name = name;
        EntityName = entityName;
        Columns = columns;
        QuotedName = SqlIdentifier.Quote(name);
        Sql = sql;
        PreviousName = was;
        ReferencedTables = referencedTables;
        foreach (var column in columns)
        {
            if ((column.Flags & ColumnFlags.ConcurrencyToken) != 0) ConcurrencyToken = column;
            if ((column.Flags & ColumnFlags.SoftDelete) != 0) SoftDelete = column;
            if ((column.Flags & ColumnFlags.TenantKey) != 0) TenantKey = column;
        }
    }

    /// <summary>The table name, unquoted.</summary>
    public string Name { get; }

    /// <summary>The table's previous name (<c>[Table(Was = ...)]</c>), which a migration renames to <see cref="Name"/>; or <see langword="null"/>.</summary>
    public string? PreviousName { get; }

    /// <summary>The table name quoted with backticks.</summary>
    public string QuotedName { get; }

    /// <summary>The entity's class name.</summary>
    public string EntityName { get; }

    /// <summary>The mapped columns, in declaration order (the order <see cref="SelectList"/> selects them).</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>The key columns, in key order (<c>[Key(Order = n)]</c>), which is the order a composite key's tuple has.</summary>
    public IReadOnlyList<ColumnInfo> KeyColumns { get; }

    /// <summary>The <c>[ConcurrencyToken]</c> column, or <see langword="null"/>.</summary>
    public ColumnInfo? ConcurrencyToken { get; }

    /// <summary>The <c>[SoftDelete]</c> column, or <see langword="null"/>.</summary>
    public ColumnInfo? SoftDelete { get; }

    /// <summary>The <c>[TenantKey]</c> column, or <see langword="null"/>.</summary>
    public ColumnInfo? TenantKey { get; }

    /// <summary>Whether queries of the table are filtered (it has a <c>[SoftDelete]</c> or a <c>[TenantKey]</c> column).</summary>
    public bool HasQueryFilters => SoftDelete is not null || TenantKey is not null;

    /// <summary>The quoted, comma-separated column list every generated SELECT uses.</summary>
    public string SelectList => Sql.SelectList;

    /// <summary>The fixed statements the generator wrote for the table.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public TableSql Sql { get; }

    /// <summary>The indexes and unique keys declared on the model (the primary key is <see cref="KeyColumns"/>).</summary>
    public IReadOnlyList<IndexInfo> Indexes { get; }

    /// <summary>The foreign key constraints declared on the model.</summary>
    public IReadOnlyList<ForeignKeyInfo> ForeignKeys { get; }

    /// <summary>The tables this one's foreign keys reference (they are created before it and dropped after it).</summary>
    public IReadOnlyList<string> ReferencedTables { get; }

    /// <summary>The select list with every column qualified by the alias of the table at <paramref name="tableIndex"/>.</summary>
    public string QualifiedSelectList(int tableIndex)
    {
        var cache = _qualifiedSelectLists;
        if (tableIndex < cache.Length && cache[tableIndex] is { } cached) return cached;
        var alias = SqlBuilding.SqlWriter.TableAlias(tableIndex);
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(alias).Append('.').Append(Columns[i].QuotedName);
        }

        var list = builder.ToString();
        if (tableIndex < cache.Length) cache[tableIndex] = list;
        return list;
    }

    private readonly string?[] _qualifiedSelectLists = new string?[4];

    private SqlBuilding.TableStatements? _statements;

    /// <summary>The table's fixed statements, written on first use.</summary>
    internal SqlBuilding.TableStatements Statements => _statements ??= new SqlBuilding.TableStatements(this);

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
