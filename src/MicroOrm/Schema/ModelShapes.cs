using System.Collections.Generic;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>
/// The tables the model describes, as <see cref="SchemaManager.CreateAsync(System.Threading.CancellationToken)"/> would
/// make them on a dialect. A model is first described in no dialect (from the generated <see cref="TableInfo"/>, or
/// from a model snapshot's text, which must give the same shape), then <see cref="ForDialect(TableShape, SqlDialect)"/> adds what the server
/// family decides: the collation, and which CHECK constraints a table may declare.
/// </summary>
internal static class ModelShapes
{
    public static TableShape Of(TableInfo table, SqlDialect dialect) => ForDialect(Neutral(table), dialect);

    /// <summary>The table in no dialect: no collation, and every <c>[Range]</c> check.</summary>
    public static TableShape Neutral(TableInfo table)
    {
        var columns = new List<ColumnShape>();
        var checks = new List<CheckShape>();
        foreach (var column in table.Columns)
        {
            columns.Add(new ColumnShape(column.Name, column.SqlType, column.IsNullableInDatabase, column.IsAutoIncrement, column.PreviousName));
            if (column.Check is { } check) checks.Add(new CheckShape(check.Name, column.Name, check.Minimum, check.Maximum));
        }

        var key = new List<string>();
        foreach (var column in table.KeyColumns) key.Add(column.Name);
        var indexes = new List<IndexShape>();
        foreach (var index in table.Indexes) indexes.Add(new IndexShape(index.Name, index.IsUnique, [.. index.Columns]));
        var foreignKeys = new List<ForeignKeyShape>();
        foreach (var foreignKey in table.ForeignKeys)
        {
            foreignKeys.Add(new ForeignKeyShape(foreignKey.Name, foreignKey.Column, foreignKey.PrincipalTable, foreignKey.PrincipalColumn, TableDdl.Action(foreignKey.OnDelete)));
        }

        return new TableShape(table.Name, null, columns, key, indexes, foreignKeys, checks, table.PreviousName);
    }

    /// <summary>A table in no dialect as <paramref name="dialect"/> makes it: its collation, and the checks it may declare.</summary>
    public static TableShape ForDialect(TableShape neutral, SqlDialect dialect)
    {
        var checks = neutral.Checks.FindAll(check => dialect.DeclaresCheck(neutral, check));
        var columns = neutral.Columns;
        if (columns.Exists(IsJson))
        {
            // A JSON column is stored as the dialect stores JSON, with the check that keeps it valid where one is needed.
            columns = columns.ConvertAll(column =>
            {
                if (!IsJson(column)) return column;
                var (type, check) = dialect.JsonStorage(neutral.Name, column.Name);
                if (check is not null) checks.Add(check);
                return column with { Type = type };
            });
        }

        return neutral with { Collation = dialect.TableCollation, Columns = columns, Checks = checks };
    }

    private static bool IsJson(ColumnShape column) => string.Equals(column.Type, "JSON", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Every table of a model in no dialect as <paramref name="dialect"/> makes it.</summary>
    public static List<TableShape> ForDialect(IReadOnlyList<TableShape> neutral, SqlDialect dialect)
    {
        var tables = new List<TableShape>(neutral.Count);
        foreach (var table in neutral) tables.Add(ForDialect(table, dialect));
        return tables;
    }
}
