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
    /// <summary>
    /// Deletes the rows of <paramref name="table"/> that <paramref name="shape"/> selects (its Where, which must be
    /// set, and its query filters), cascading as declared; returns the rows deleted from <paramref name="table"/>.
    /// Dependents are reached through the rows deleted, whatever their own filters: they cannot outlive them.
    /// </summary>
    public static async ValueTask<int> DeleteAsync(DatabaseContext database, TableInfo table, QueryShape shape, IOBehavior io, CancellationToken cancellationToken)
    {
        var dependents = database.Schema.DependentsOf(table);
        if (dependents.Count == 0 || shape.Take is not null)
        {
            if (dependents.Count > 0)
            {
                throw new NotSupportedException($"Rows of {table.Name} have dependents that are deleted with them (their foreign key acts on delete: {dependents[0].ForeignKey.OnDelete}); delete without Take, or select the keys first.");
            }

            return await database.Executor.ExecuteAsync(new CommandRequest(QuerySql.Delete(table, shape).ToStatement(), table, cancellationToken), io).ConfigureAwait(false);
        }

        var criteria = QuerySql.Criteria(table, shape) ?? Condition.True;
        return await database.RunOnceAsync<int>(async (_, ct) =>
        {
            var selection = KeySelection.Chosen(table, criteria);
            await CascadeAsync(database, selection, [table.Name], io, ct).ConfigureAwait(false);
            return await database.Executor.ExecuteAsync(new CommandRequest(QuerySql.Delete(table, shape with { Orderings = [] }).ToStatement(), table, ct), io).ConfigureAwait(false);
        }, io, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask CascadeAsync(DatabaseContext database, KeySelection principal, List<string> path, IOBehavior io, CancellationToken cancellationToken)
    {
        foreach (var (dependent, foreignKey) in database.Schema.DependentsOf(principal.Table))
        {
            // A self-reference (or a cycle) is left to the server's own ON DELETE; following it would never end.
            if (path.Contains(dependent.Name)) continue;
            var selection = KeySelection.Referencing(dependent, dependent.FindColumn(foreignKey.Column)!, principal);
            if (foreignKey.OnDelete == ReferentialAction.Cascade)
            {
                await CascadeAsync(database, selection, [.. path, dependent.Name], io, cancellationToken).ConfigureAwait(false);
                await database.Executor.ExecuteAsync(new CommandRequest(CascadeSql.Delete(selection), dependent, cancellationToken), io).ConfigureAwait(false);
            }
            else
            {
                await database.Executor.ExecuteAsync(new CommandRequest(CascadeSql.SetNull(selection), dependent, cancellationToken), io).ConfigureAwait(false);
            }
        }
    }
}
