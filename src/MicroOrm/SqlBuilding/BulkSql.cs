using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The words of a bulk load: the <c>LOAD DATA</c> statement as interceptors and traces see it (MySqlBulkCopy writes
/// the one it sends from the same table, columns and conflict option), and the INSERT verbs of its fallback.
/// </summary>
internal static class BulkSql
{
    public static SqlStatement Load(TableInfo table, IReadOnlyList<ColumnInfo> columns, BulkConflict conflict)
    {
        var text = new StringBuilder("LOAD DATA LOCAL INFILE ':microorm' ");
        text.Append(conflict switch { BulkConflict.Ignore => "IGNORE ", BulkConflict.Replace => "REPLACE ", _ => "" });
        text.Append("INTO TABLE ").Append(table.QuotedName).Append(" (");
        for (var i = 0; i < columns.Count; i++) text.Append(i == 0 ? "" : ", ").Append(columns[i].QuotedName);
        return new SqlStatement(text.Append(')').ToString(), []);
    }

    /// <summary>The multi-row INSERT's verb for a conflict option; <see langword="null"/> for the plain one.</summary>
    public static string? InsertVerb(BulkConflict conflict) => conflict switch
    {
        BulkConflict.Ignore => "INSERT IGNORE INTO",
        BulkConflict.Replace => "REPLACE INTO",
        _ => null,
    };
}
