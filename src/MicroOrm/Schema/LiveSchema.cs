using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>Reads the tables of the connection's database from <c>information_schema</c>, one question per kind of object.</summary>
internal static class LiveSchema
{
    public static async ValueTask<Dictionary<string, TableShape>> ReadAsync(CommandExecutor executor, IOBehavior io, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, collation) in await ListAsync(executor, SchemaSql.Tables, static r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), io, cancellationToken).ConfigureAwait(false))
        {
            tables[name] = new TableShape(name, collation, [], [], [], [], []);
        }

        foreach (var (table, name, type, nullable, extra) in await ListAsync(executor, SchemaSql.Columns, static r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), io, cancellationToken).ConfigureAwait(false))
        {
            if (!tables.TryGetValue(table, out var shape)) continue; // a view's columns
            shape.Columns.Add(new ColumnShape(name, type, nullable == "YES", extra.Contains("auto_increment", StringComparison.OrdinalIgnoreCase)));
        }

        foreach (var (table, index, nonUnique, column) in await ListAsync(executor, SchemaSql.Indexes, static r => (r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), r.GetString(3)), io, cancellationToken).ConfigureAwait(false))
        {
            if (!tables.TryGetValue(table, out var shape)) continue;
            if (index == "PRIMARY")
            {
                shape.PrimaryKey.Add(column);
                continue;
            }

            var known = shape.Indexes.Find(i => i.Name == index);
            if (known is null) shape.Indexes.Add(known = new IndexShape(index, nonUnique == 0, []));
            known.Columns.Add(column);
        }

        foreach (var (table, name, column, principal, principalColumn, rule) in await ListAsync(executor, SchemaSql.ForeignKeys, static r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)), io, cancellationToken).ConfigureAwait(false))
        {
            if (tables.TryGetValue(table, out var shape)) shape.ForeignKeys.Add(new ForeignKeyShape(name, column, principal, principalColumn, rule));
        }

        foreach (var (table, name) in await ListAsync(executor, SchemaSql.Checks, static r => (r.GetString(0), r.GetString(1)), io, cancellationToken).ConfigureAwait(false))
        {
            if (tables.TryGetValue(table, out var shape)) shape.Checks.Add(new CheckShape(name));
        }

        return tables;
    }

    private static ValueTask<List<T>> ListAsync<T>(CommandExecutor executor, SqlStatement statement, Func<DbDataReader, T> read, IOBehavior io, CancellationToken cancellationToken) =>
        executor.ListAsync(new CommandRequest(statement, null, cancellationToken), new DelegateRowReader<T>(read), io);
}
