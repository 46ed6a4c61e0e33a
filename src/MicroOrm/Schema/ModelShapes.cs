using System.Collections.Generic;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>The tables the model describes, as <see cref="SchemaManager.CreateAsync(System.Threading.CancellationToken)"/> would make them on a dialect.</summary>
internal static class ModelShapes
{
    public static TableShape Of(TableInfo table, SqlDialect dialect)
    {
        var columns = new List<ColumnShape>();
        var checks = new List<CheckShape>();
        foreach (var column in table.Columns)
        {
            columns.Add(new ColumnShape(column.Name, column.SqlType, column.IsNullableInDatabase, column.IsAutoIncrement, column.PreviousName));
            if (column.Check is { } check && dialect.DeclaresCheck(table, column)) checks.Add(new CheckShape(check.Name, column.Name, check.Minimum, check.Maximum));
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

        return new TableShape(table.Name, dialect.TableCollation, columns, key, indexes, foreignKeys, checks, table.PreviousName);
    }
}
