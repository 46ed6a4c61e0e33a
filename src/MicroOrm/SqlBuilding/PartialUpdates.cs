using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The UPDATE of a <c>[TrackChanges]</c> entity: only the assigned columns (a bit mask over
/// <see cref="TableSql.UpdatedColumns"/>), then the version moved on, by key and version, numbered as
/// <see cref="EntityMap{TEntity}.BindChanged"/> binds. A program updates the same few column sets again and again, so
/// each set's text is built once and kept, up to a bound past which it is built for each call.
/// </summary>
internal sealed class PartialUpdates(TableInfo table)
{
    private const int MaxKept = 256;
    private readonly ConcurrentDictionary<ulong, string> _texts = new();

    public string For(ulong changed)
    {
        if (_texts.TryGetValue(changed, out var text)) return text;
        text = Write(changed);
        if (_texts.Count < MaxKept) _texts.TryAdd(changed, text);
        return text;
    }

    private string Write(ulong changed)
    {
        var sql = new StringBuilder("UPDATE ").Append(table.QuotedName).Append(" SET ");
        var columns = table.Sql.UpdatedColumns;
        var parameter = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            if ((changed & (1UL << i)) == 0) continue;
            if (parameter > 0) sql.Append(", ");
            sql.Append(columns[i].QuotedName).Append(" = ").Append(SqlWriter.ParameterName(parameter++));
        }

        if (table.ConcurrencyToken is { } token) sql.Append(", ").Append(token.QuotedName).Append(" = ").Append(token.QuotedName).Append(" + 1");
        for (var i = 0; i < table.KeyColumns.Count; i++)
        {
            sql.Append(i == 0 ? " WHERE " : " AND ").Append(table.KeyColumns[i].QuotedName).Append(" = ").Append(SqlWriter.ParameterName(parameter++));
        }

        if (table.ConcurrencyToken is { } version) sql.Append(" AND ").Append(version.QuotedName).Append(" = ").Append(SqlWriter.ParameterName(parameter));
        return sql.ToString();
    }
}
