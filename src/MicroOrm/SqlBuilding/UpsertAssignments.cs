using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// What an upsert's ON DUPLICATE KEY UPDATE sets: every updatable column to the new row's value, the version on by
/// one, and the AUTO_INCREMENT key through LAST_INSERT_ID; on a table with a tenant key, only in a row of the same tenant. Written once per dialect, since the dialects name the new
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
            upsert.Append(column.QuotedName).Append(" = ").Append(OfSameTenant(dialect, column, dialect.InsertedValue(column)));
        }

        if (token is not null)
        {
            if (upsert.Length > 0) upsert.Append(", ");
            upsert.Append(token.QuotedName).Append(" = ").Append(OfSameTenant(dialect, token, token.QuotedName + " + 1"));
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

    /// <summary>
    /// With a tenant key, a row of another tenant whose key the new row takes keeps every value:
    /// <c>IF(tenant &lt;=&gt; new tenant, value, column)</c>. The tenant key itself is never changed by that, so each
    /// assignment sees the row's own tenant. The caller then finds the row is not the entity's, and says so.
    /// </summary>
    private string OfSameTenant(SqlDialect dialect, ColumnInfo column, string value) =>
        table.TenantKey is { } tenant
            ? "IF(" + tenant.QuotedName + " <=> " + dialect.InsertedValue(tenant) + ", " + value + ", " + column.QuotedName + ")"
            : value;
}
