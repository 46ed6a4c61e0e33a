using System;
using System.Collections.Generic;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// Honours the declared <c>ON DELETE</c> of foreign keys that point at a table when rows are deleted through the
/// library, whatever the table's DDL says (a schema made elsewhere may lack the cascade): dependents of the rows about
/// to go are deleted (<see cref="ReferentialAction.Cascade"/>, recursively) or have their foreign key set to NULL
/// (<see cref="ReferentialAction.SetNull"/>) first, in the same transaction.
/// </summary>
internal static class CascadeDeleter
{
    /// <summary>Deletes the rows of <paramref name="table"/> that <paramref name="where"/> selects, cascading as declared; returns the rows deleted from <paramref name="table"/>.</summary>
    public static async ValueTask<int> DeleteAsync(DatabaseContext database, TableInfo table, Condition where, Ordering[] orderings, int? take, IOBehavior io, CancellationToken cancellationToken)
    {
        var dependents = database.Schema.DependentsOf(table);
        if (dependents.Count == 0 || take is not null)
        {
            if (dependents.Count > 0)
            {
                throw new NotSupportedException($"Rows of {table.Name} have dependents that are deleted with them (ON DELETE {dependents[0].ForeignKey.OnDelete}); delete without Take, or select the keys first.");
            }

            return await database.Executor.ExecuteAsync(new CommandRequest(QuerySql.Delete(table, new QueryShape(where, orderings, null, take)).ToStatement(), table, cancellationToken), io).ConfigureAwait(false);
        }

        return await database.RunOnceAsync<int>(async (_, ct) =>
        {
            var selection = new Selection(table, writer => where.Write(writer));
            await CascadeAsync(database, selection, [table.Name], io, ct).ConfigureAwait(false);
            return await database.Executor.ExecuteAsync(new CommandRequest(QuerySql.Delete(table, new QueryShape(where, [], null, null)).ToStatement(), table, ct), io).ConfigureAwait(false);
        }, io, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask CascadeAsync(DatabaseContext database, Selection principal, List<string> path, IOBehavior io, CancellationToken cancellationToken)
    {
        foreach (var (dependent, foreignKey) in database.Schema.DependentsOf(principal.Table))
        {
            // A self-reference (or a cycle) is left to the server's own ON DELETE; following it would never end.
            if (path.Contains(dependent.Name)) continue;
            var column = dependent.FindColumn(foreignKey.Column)!;
            var selection = new Selection(dependent, writer => writer.Append(column.QuotedName).Append(" IN ").Append("(SELECT * FROM (").Also(principal.WriteKeys).Append(") AS `microorm_keys`)"));
            if (foreignKey.OnDelete == ReferentialAction.Cascade)
            {
                await CascadeAsync(database, selection, [.. path, dependent.Name], io, cancellationToken).ConfigureAwait(false);
                var delete = new SqlWriter(qualifyColumns: false).Append("DELETE FROM ").Append(dependent.QuotedName).Append(" WHERE ");
                selection.WriteWhere(delete);
                await database.Executor.ExecuteAsync(new CommandRequest(delete.ToStatement(), dependent, cancellationToken), io).ConfigureAwait(false);
            }
            else
            {
                var update = new SqlWriter(qualifyColumns: false).Append("UPDATE ").Append(dependent.QuotedName).Append(" SET ").Append(column.QuotedName).Append(" = NULL WHERE ");
                selection.WriteWhere(update);
                await database.Executor.ExecuteAsync(new CommandRequest(update.ToStatement(), dependent, cancellationToken), io).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The rows of a table chosen by a WHERE clause, able to write the list of their keys as a subquery.</summary>
    private sealed class Selection(TableInfo table, Action<SqlWriter> writeWhere)
    {
        public TableInfo Table { get; } = table;

        public void WriteWhere(SqlWriter writer) => writeWhere(writer);

        public void WriteKeys(SqlWriter writer)
        {
            writer.Append("SELECT ").Append(Table.KeyColumns[0].QuotedName).Append(" FROM ").Append(Table.QuotedName).Append(" WHERE ");
            writeWhere(writer);
        }
    }
}

internal static class SqlWriterChaining
{
    /// <summary>Lets a writer be passed through a step that appends to it, inside a chain of appends.</summary>
    public static SqlWriter Also(this SqlWriter writer, Action<SqlWriter> step)
    {
        step(writer);
        return writer;
    }
}
