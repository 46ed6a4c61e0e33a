using System;
using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;
using MicroOrm.Schema;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Writes a table's <c>CREATE TABLE</c> from its shape: the model the generator described (columns, keys, indexes,
/// foreign keys and checks) as a dialect has it, with the dialect's collation and only the CHECK constraints the
/// dialect lets a table declare.
/// </summary>
internal static class TableDdl
{
    /// <summary>The most characters of a TEXT or BLOB column a utf8mb4 index key holds (3072 bytes / 4).</summary>
    private const int IndexPrefixLength = 768;

    public static string CreateTable(TableInfo table, SqlDialect dialect) => CreateTable(ModelShapes.Of(table, dialect));

    public static string CreateTable(TableShape table)
    {
        var parts = new List<string>();
        foreach (var column in table.Columns) parts.Add("  " + ColumnDefinition(column));
        parts.Add($"  PRIMARY KEY ({Quoted(table.PrimaryKey)})");
        foreach (var index in table.Indexes) parts.Add("  " + IndexDefinition(table, index));
        foreach (var foreignKey in table.ForeignKeys) parts.Add("  " + ForeignKeyDefinition(foreignKey));
        foreach (var check in table.Checks) parts.Add("  " + CheckDefinition(check));

        var text = new StringBuilder("CREATE TABLE IF NOT EXISTS ").Append(SqlIdentifier.Quote(table.Name)).Append(" (\n");
        for (var i = 0; i < parts.Count; i++) text.Append(parts[i]).Append(i < parts.Count - 1 ? ",\n" : "\n");
        return text.Append(") ").Append(TableOptions(table.Collation)).ToString();
    }

    /// <summary>What follows a CREATE TABLE's column list: the engine, the character set and the collation.</summary>
    public static string TableOptions(string? collation) => "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" + (collation is null ? "" : " COLLATE=" + collation);

    /// <summary><c>`name` TYPE NULL|NOT NULL [AUTO_INCREMENT]</c>, as CREATE TABLE and ALTER TABLE ... ADD/MODIFY write it.</summary>
    public static string ColumnDefinition(ColumnShape column) =>
        $"{SqlIdentifier.Quote(column.Name)} {column.Type} {(column.IsNullable ? "NULL" : "NOT NULL")}{(column.IsAutoIncrement ? " AUTO_INCREMENT" : "")}";

    public static string IndexDefinition(TableShape table, IndexShape index)
    {
        var columns = new List<string>();
        foreach (var name in index.Columns) columns.Add(IndexedColumn(table, name));
        return $"{(index.IsUnique ? "UNIQUE KEY" : "KEY")} {SqlIdentifier.Quote(index.Name)} ({string.Join(", ", columns)})";
    }

    public static string ForeignKeyDefinition(ForeignKeyShape foreignKey) =>
        $"CONSTRAINT {SqlIdentifier.Quote(foreignKey.Name)} FOREIGN KEY ({SqlIdentifier.Quote(foreignKey.Column)}) REFERENCES {SqlIdentifier.Quote(foreignKey.PrincipalTable)} ({SqlIdentifier.Quote(foreignKey.PrincipalColumn)}) ON DELETE {foreignKey.OnDelete}";

    public static string CheckDefinition(CheckShape check)
    {
        if (check.Expression is { } expression) return $"CONSTRAINT {SqlIdentifier.Quote(check.Name)} CHECK ({expression})";
        if (check.Column is not { } column || check.Minimum is null || check.Maximum is null)
        {
            throw new InvalidOperationException($"The CHECK constraint {check.Name} was read from a server, which gives no bounds to write it from.");
        }

        var quoted = SqlIdentifier.Quote(column);
        return $"CONSTRAINT {SqlIdentifier.Quote(check.Name)} CHECK ({quoted} >= {check.Minimum} AND {quoted} <= {check.Maximum})";
    }

    /// <summary>An ON DELETE rule as SQL spells it (and as <c>information_schema</c> reports it).</summary>
    public static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };

    /// <summary>Every ON DELETE rule as SQL spells it: what a model snapshot's foreign key line may end with.</summary>
    public static readonly string[] ActionNames = [Action(ReferentialAction.Cascade), Action(ReferentialAction.SetNull), Action(ReferentialAction.NoAction), Action(ReferentialAction.Restrict)];

    /// <summary>TEXT and BLOB columns can only be indexed by a prefix.</summary>
    private static string IndexedColumn(TableShape table, string name)
    {
        var type = table.Columns.Find(c => c.Name == name)?.Type ?? "";
        return type.EndsWith("TEXT", StringComparison.OrdinalIgnoreCase) || type.EndsWith("BLOB", StringComparison.OrdinalIgnoreCase)
            ? $"{SqlIdentifier.Quote(name)}({IndexPrefixLength})"
            : SqlIdentifier.Quote(name);
    }

    private static string Quoted(List<string> columns)
    {
        var names = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++) names[i] = SqlIdentifier.Quote(columns[i]);
        return string.Join(", ", names);
    }
}
