using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// Deletes the rows a shape selects, the way the table's model says: a table with a <c>[SoftDelete]</c> column has
/// them marked (an UPDATE, which also stamps <c>[UpdatedAt]</c> and moves a version on), unless the query ignores
/// that filter; any other table has them removed, cascading as declared. The shape's filters (tenant, rows already
/// deleted) limit both.
/// </summary>
internal static class RowDeleter
{
    public static ValueTask<int> DeleteAsync(DatabaseContext database, TableInfo table, QueryShape shape, IOBehavior io, CancellationToken cancellationToken)
    {
        if (table.SoftDelete is not { } flag || !shape.Filters.Applies(QueryFilter.SoftDelete))
        {
            return CascadeDeleter.DeleteAsync(database, table, shape, io, cancellationToken);
        }

        // The rows stay, so their dependents stay too: nothing cascades from a soft delete.
        var now = database.UtcNowForColumns();
        var mark = new Assignment(new ColumnRef(flag, 0), flag.ToDbValue(DeletedValue(flag, now)), null, isIncrement: false);
        return database.Executor.ExecuteAsync(new CommandRequest(QuerySql.Update(table, shape, [mark], now).ToStatement(), table, cancellationToken), io);
    }

    /// <summary>What the <c>[SoftDelete]</c> column holds once a row is deleted: true, or the time.</summary>
    private static object DeletedValue(ColumnInfo flag, DateTime utcNow) =>
        flag.ClrType == typeof(bool) ? true
        : flag.ClrType == typeof(DateTimeOffset?) ? new DateTimeOffset(utcNow)
        : utcNow;
}
