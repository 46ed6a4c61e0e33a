using System;
using System.Collections.Generic;
using System.Linq;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>
/// The steps that take a schema from one version to the next, one change per statement, ordered so that nothing
/// refers to what is not there: renames first; then foreign keys, checks and indexes that go or change are dropped;
/// new tables are created, referenced ones first; columns are renamed, added, changed and dropped; indexes and checks
/// are added, and foreign keys last, once every table and column they name exists; dropped tables go at the end,
/// dependents first. A table or column renamed by a <c>Was</c> hint is renamed, never dropped and added again.
/// </summary>
internal static class SchemaPlanner
{
    public static MigrationPlan Plan(IReadOnlyList<TableShape> from, IReadOnlyList<TableShape> to, SqlDialect dialect, bool allowDataLoss)
    {
        var plan = new MigrationPlan(dialect, allowDataLoss);
        var pairs = new List<(TableShape Old, TableShape New)>();
        var created = new List<TableShape>();
        foreach (var table in to)
        {
            var old = from.FirstOrDefault(t => Same(t.Name, table.Name)) ?? (table.Was is { } was ? from.FirstOrDefault(t => Same(t.Name, was)) : null);
            if (old is null) created.Add(table);
            else pairs.Add((old, table));
        }

        var dropped = from.Where(t => !pairs.Exists(p => ReferenceEquals(p.Old, t))).ToList();

        foreach (var (old, table) in pairs)
        {
            if (!Same(old.Name, table.Name)) plan.Add(AlterSql.RenameTable(old.Name, table.Name), $"Rename table `{old.Name}` to `{table.Name}`", SchemaChange.RenameTable);
        }

        foreach (var (old, table) in pairs)
        {
            foreach (var foreignKey in old.ForeignKeys.Where(f => !table.ForeignKeys.Exists(n => SameForeignKey(n, f))))
            {
                plan.Add(AlterSql.DropForeignKey(table.Name, foreignKey.Name), $"Drop foreign key `{table.Name}`.`{foreignKey.Name}`", SchemaChange.DropForeignKey);
            }

            foreach (var check in old.Checks.Where(c => !table.Checks.Exists(n => Same(n.Name, c.Name) && SameBounds(n, c))))
            {
                plan.Add(AlterSql.DropCheck(table.Name, check.Name), $"Drop check constraint `{table.Name}`.`{check.Name}`", SchemaChange.DropCheck);
            }

            foreach (var index in old.Indexes.Where(i => !table.Indexes.Exists(n => SameIndex(n, i))))
            {
                plan.Add(AlterSql.DropIndex(table.Name, index.Name), $"Drop index `{table.Name}`.`{index.Name}`", SchemaChange.DropIndex);
            }
        }

        foreach (var table in ReferencedFirst(created))
        {
            plan.Add(TableDdl.CreateTable(table), $"Create table `{table.Name}`", SchemaChange.CreateTable);
        }

        foreach (var (old, table) in pairs) PlanColumns(plan, old, table);

        foreach (var (old, table) in pairs)
        {
            foreach (var index in table.Indexes.Where(i => !old.Indexes.Exists(o => SameIndex(i, o))))
            {
                plan.Add(AlterSql.AddIndex(table, index), $"Add {(index.IsUnique ? "unique key" : "index")} `{table.Name}`.`{index.Name}` on ({string.Join(", ", index.Columns)})", SchemaChange.AddIndex);
            }

            foreach (var check in table.Checks.Where(c => !old.Checks.Exists(o => Same(o.Name, c.Name) && SameBounds(o, c))))
            {
                plan.Add(AlterSql.AddCheck(table.Name, check), $"Add check constraint `{table.Name}`.`{check.Name}` ({check.Minimum} to {check.Maximum})", SchemaChange.AddCheck);
            }
        }

        foreach (var (old, table) in pairs)
        {
            foreach (var foreignKey in table.ForeignKeys.Where(f => !old.ForeignKeys.Exists(o => SameForeignKey(f, o))))
            {
                plan.Add(AlterSql.AddForeignKey(table.Name, foreignKey), $"Add foreign key `{table.Name}`.`{foreignKey.Name}` to `{foreignKey.PrincipalTable}`", SchemaChange.AddForeignKey);
            }
        }

        var dropOrder = ReferencedFirst(dropped);
        dropOrder.Reverse();
        foreach (var table in dropOrder)
        {
            plan.Add(AlterSql.DropTable(table.Name), $"Drop table `{table.Name}` and its rows", SchemaChange.DropTable, losesData: true);
        }

        return plan;
    }

    private static void PlanColumns(MigrationPlan plan, TableShape old, TableShape table)
    {
        var matched = new List<ColumnShape>();
        foreach (var column in table.Columns)
        {
            var previous = old.Columns.Find(c => Same(c.Name, column.Name)) ?? (column.Was is { } was ? old.Columns.Find(c => Same(c.Name, was)) : null);
            if (previous is null)
            {
                plan.Add(AlterSql.AddColumn(table.Name, column), $"Add column `{table.Name}`.`{column.Name}` ({column.Type} {(column.IsNullable ? "NULL" : "NOT NULL")})", SchemaChange.AddColumn);
                continue;
            }

            matched.Add(previous);
            if (!Same(previous.Name, column.Name))
            {
                plan.Add(AlterSql.RenameColumn(table.Name, previous.Name, column.Name), $"Rename column `{table.Name}`.`{previous.Name}` to `{column.Name}`", SchemaChange.RenameColumn);
            }

            PlanColumnChange(plan, table.Name, previous, column);
        }

        foreach (var column in old.Columns.Where(c => !matched.Contains(c)))
        {
            plan.Add(AlterSql.DropColumn(table.Name, column.Name), $"Drop column `{table.Name}`.`{column.Name}` and its values", SchemaChange.DropColumn, losesData: true);
        }
    }

    /// <summary>One MODIFY for a column whose type, NULL-ness or AUTO_INCREMENT changed; its algorithm is the slowest of what changed.</summary>
    private static void PlanColumnChange(MigrationPlan plan, string table, ColumnShape previous, ColumnShape column)
    {
        var typeChanged = previous.NormalType != column.NormalType || previous.IsAutoIncrement != column.IsAutoIncrement;
        if (!typeChanged && previous.IsNullable == column.IsNullable) return;

        var changes = new List<SchemaChange>();
        var losesData = false;
        var words = new List<string>();
        if (typeChanged)
        {
            var (change, loses) = previous.IsAutoIncrement != column.IsAutoIncrement ? (SchemaChange.ChangeColumnType, false) : ColumnTypeChange.Classify(previous.Type, column.Type);
            changes.Add(change);
            losesData = loses;
            words.Add($"from {previous.NormalType} to {column.NormalType}{(loses ? ", which may not hold every value it has" : "")}");
        }

        if (previous.IsNullable != column.IsNullable)
        {
            changes.Add(column.IsNullable ? SchemaChange.AllowNull : SchemaChange.ForbidNull);
            words.Add(column.IsNullable ? "to allow NULL" : "to NOT NULL (fails if a row holds NULL)");
        }

        var slowest = changes.OrderByDescending(c => plan.Dialect.AlgorithmOf(c)).First();
        plan.Add(AlterSql.ModifyColumn(table, column), $"Change column `{table}`.`{column.Name}` {string.Join(" and ", words)}", slowest, losesData);
    }

    /// <summary>Tables in an order where every table comes after the tables (of the list) its foreign keys reference.</summary>
    private static List<TableShape> ReferencedFirst(List<TableShape> tables)
    {
        var ordered = new List<TableShape>();
        var pending = new List<TableShape>(tables);
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeys.All(f => Same(f.PrincipalTable, t.Name) || !pending.Exists(p => Same(p.Name, f.PrincipalTable))))
                ?? throw new InvalidOperationException("The foreign keys of " + string.Join(", ", pending.Select(p => p.Name)) + " form a cycle.");
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    private static bool SameIndex(IndexShape a, IndexShape b) => Same(a.Name, b.Name) && a.HasSameDefinition(b);

    private static bool SameForeignKey(ForeignKeyShape a, ForeignKeyShape b) => Same(a.Name, b.Name) && a.HasSameDefinition(b);

    private static bool SameBounds(CheckShape a, CheckShape b) => a.Minimum == b.Minimum && a.Maximum == b.Maximum && a.Column == b.Column && a.Expression == b.Expression;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
