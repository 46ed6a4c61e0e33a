using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// What an upsert's ON DUPLICATE KEY UPDATE sets: every updatable column to the new row's value, the version on by
/// one, and the AUTO_INCREMENT key through LAST_INSERT_ID. Written once per dialect, since the dialects name the new
/// row differently.
/// </summary>
internal sealed class UpsertAssignments(TableInfo table, IReadOnlyList<ColumnInfo> updateColumns, ColumnInfo? token)
{
    private readonly string?[] _texts = new string?[SqlDialect.Count];

    public string For(SqlDialect dialect) => _texts[dialect.Index] ??= Write(dialect);

    private string Write(SqlDialect dialect)
    {
        var upsert = new StringBuilder();
        foreach (var column in updateColumns)
        {
            if (upsert.Length > 0) upsert.Append(", ");
            upsert.Append(column.QuotedName).Append(" = ").Append(dialect.InsertedValue(column));
        }

        if (token is not null)
        {
            if (upsert.Length > 0) upsert.Append(", ");
            upsert.Append(token.QuotedName).Append(" = ").Append(token.QuotedName).Append(" + 1");
        }

        foreach (var key in table.KeyColumns)
        {
            if (!key.IsAutoIncrement) continue;
            // Makes LAST_INSERT_ID() report the existing row's key when the upsert updates rather than inserts.
            if (upsert.Length > 0) upsert.Append(", ");
            upsert.Append(key.QuotedName).Append(" = LAST_INSERT_ID(").Append(key.QuotedName).Append(')');
        }

        if (upsert.Length == 0)
        {
            var key = table.KeyColumns[0].QuotedName;
            upsert.Append(key).Append(" = ").Append(key);
        }

        return upsert.ToString();
    }
}
