using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Writes a table's <c>CREATE TABLE</c> from the model the generator described (columns, keys, indexes, foreign keys
/// and checks), as a dialect spells it: the dialect chooses the collation and which CHECK constraints the table may
/// declare.
/// </summary>
internal static class TableDdl
{
    /// <summary>The most characters of a TEXT or BLOB column a utf8mb4 index key holds (3072 bytes / 4).</summary>
    private const int IndexPrefixLength = 768;

    public static string CreateTable(TableInfo table, SqlDialect dialect)
    {
        var parts = new List<string>();
        foreach (var column in table.Columns)
        {
            parts.Add($"  {column.QuotedName} {column.SqlType} {(column.IsNullableInDatabase ? "NULL" : "NOT NULL")}{(column.IsAutoIncrement ? " AUTO_INCREMENT" : "")}");
        }

        parts.Add($"  PRIMARY KEY ({Quoted(table.KeyColumns)})");
        foreach (var index in table.Indexes)
        {
            var columns = new List<string>();
            foreach (var name in index.Columns) columns.Add(IndexedColumn(table, name));
            parts.Add($"  {(index.IsUnique ? "UNIQUE KEY" : "KEY")} {SqlIdentifier.Quote(index.Name)} ({string.Join(", ", columns)})");
        }

        foreach (var foreignKey in table.ForeignKeys)
        {
            parts.Add($"  CONSTRAINT {SqlIdentifier.Quote(foreignKey.Name)} FOREIGN KEY ({SqlIdentifier.Quote(foreignKey.Column)}) REFERENCES {SqlIdentifier.Quote(foreignKey.PrincipalTable)} ({SqlIdentifier.Quote(foreignKey.PrincipalColumn)}) ON DELETE {Action(foreignKey.OnDelete)}");
        }

        foreach (var column in table.Columns)
        {
            if (column.Check is not { } check || !dialect.DeclaresCheck(table, column)) continue;
            parts.Add($"  CONSTRAINT {SqlIdentifier.Quote(check.Name)} CHECK ({column.QuotedName} >= {check.Minimum} AND {column.QuotedName} <= {check.Maximum})");
        }

        var text = new StringBuilder("CREATE TABLE IF NOT EXISTS ").Append(table.QuotedName).Append(" (\n");
        for (var i = 0; i < parts.Count; i++) text.Append(parts[i]).Append(i < parts.Count - 1 ? ",\n" : "\n");
        return text.Append(") ").Append(dialect.TableOptions).ToString();
    }

    /// <summary>TEXT and BLOB columns can only be indexed by a prefix.</summary>
    private static string IndexedColumn(TableInfo table, string name)
    {
        var type = "";
        foreach (var column in table.Columns)
        {
            if (column.Name == name) type = column.SqlType;
        }

        return type.EndsWith("TEXT", System.StringComparison.Ordinal) || type.EndsWith("BLOB", System.StringComparison.Ordinal)
            ? $"{SqlIdentifier.Quote(name)}({IndexPrefixLength})"
            : SqlIdentifier.Quote(name);
    }

    private static string Quoted(IReadOnlyList<ColumnInfo> columns)
    {
        var names = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++) names[i] = columns[i].QuotedName;
        return string.Join(", ", names);
    }

    private static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };
}
