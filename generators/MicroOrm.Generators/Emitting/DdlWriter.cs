using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes an entity's <c>CREATE TABLE</c>. The SQL uses only what MySQL 8 and MariaDB 10.11 both accept, and fixes the
/// character set and collation so that comparisons behave the same on both servers.
/// </summary>
internal static class DdlWriter
{
    /// <summary>
    /// utf8mb4 stores every Unicode character; the 520 collation, present on both servers, weighs 4-byte characters
    /// (emoji) individually, where the older unicode_ci and general_ci treat them all as equal.
    /// </summary>
    public const string TableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci";

    public static List<string> CreateTableLines(EntityModel entity)
    {
        var parts = new List<string>();
        foreach (var column in entity.Columns)
        {
            var line = $"  {Quote(column.ColumnName)} {column.SqlType} {(column.IsNullableInDatabase ? "NULL" : "NOT NULL")}";
            if (column.IsAutoIncrement) line += " AUTO_INCREMENT";
            parts.Add(line);
        }

        var keys = entity.Columns.Where(c => c.IsKey).OrderBy(c => c.KeyOrder).Select(c => Quote(c.ColumnName));
        parts.Add($"  PRIMARY KEY ({string.Join(", ", keys)})");

        foreach (var index in entity.Indexes)
        {
            var columns = index.Columns.Select(name => IndexedColumn(entity, name));
            parts.Add($"  {(index.IsUnique ? "UNIQUE KEY" : "KEY")} {Quote(index.Name)} ({string.Join(", ", columns)})");
        }

        foreach (var column in entity.Columns)
        {
            if (column.ForeignKey is not { } fk) continue;
            parts.Add($"  CONSTRAINT {Quote(fk.ConstraintName)} FOREIGN KEY ({Quote(column.ColumnName)}) REFERENCES {Quote(fk.PrincipalTable)} ({Quote(fk.PrincipalColumn)}) ON DELETE {fk.OnDelete}");
        }

        foreach (var column in entity.Columns)
        {
            if (column.CheckedRange is not { } range) continue;
            parts.Add($"  CONSTRAINT {Quote(range.ConstraintName)} CHECK ({Quote(column.ColumnName)} >= {range.MinimumText} AND {Quote(column.ColumnName)} <= {range.MaximumText})");
        }

        var lines = new List<string> { $"CREATE TABLE IF NOT EXISTS {Quote(entity.TableName)} (" };
        for (var i = 0; i < parts.Count; i++)
        {
            lines.Add(parts[i] + (i < parts.Count - 1 ? "," : ""));
        }

        lines.Add(") " + TableOptions);
        return lines;
    }

    /// <summary>TEXT and BLOB columns can only be indexed by a prefix; 768 characters is the most a utf8mb4 index key holds.</summary>
    private static string IndexedColumn(EntityModel entity, string columnName)
    {
        var column = entity.Columns.First(c => c.ColumnName == columnName);
        var needsPrefix = column.SqlType.EndsWith("TEXT") || column.SqlType.EndsWith("BLOB");
        return needsPrefix ? $"{Quote(columnName)}(768)" : Quote(columnName);
    }

    public static string Quote(string identifier) => "`" + identifier + "`";
}
