using System;
using System.Collections.Generic;
using System.Linq;

namespace MicroOrm.Schema;

/// <summary>
/// Compares the model's tables with the live ones and words every difference. Tables the model does not map are
/// another application's business and are not reported; an index the server made for a foreign key (named after the
/// constraint) is not an extra index.
/// </summary>
internal static class SchemaComparer
{
    public static List<SchemaDifference> Compare(IEnumerable<TableShape> model, IReadOnlyDictionary<string, TableShape> live)
    {
        var differences = new List<SchemaDifference>();
        foreach (var expected in model)
        {
            if (!live.TryGetValue(expected.Name, out var actual))
            {
                differences.Add(new(SchemaDifferenceKind.MissingTable, expected.Name, null, null, $"Table `{expected.Name}` is missing."));
                continue;
            }

            CompareColumns(expected, actual, differences);
            if (!expected.PrimaryKey.SequenceEqual(actual.PrimaryKey, StringComparer.OrdinalIgnoreCase))
            {
                differences.Add(new(SchemaDifferenceKind.PrimaryKey, expected.Name, null, null, $"Table `{expected.Name}` has the primary key {List(actual.PrimaryKey)} in the database and {List(expected.PrimaryKey)} in the model."));
            }

            CompareIndexes(expected, actual, differences);
            CompareForeignKeys(expected, actual, differences);
            CompareChecks(expected, actual, differences);
            if (expected.Collation is { } collation && !string.Equals(actual.Collation, collation, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add(new(SchemaDifferenceKind.TableCollation, expected.Name, null, null, $"Table `{expected.Name}` has the collation {actual.Collation ?? "(none)"} in the database; MicroOrm creates it with {collation}."));
            }
        }

        return differences;
    }

    private static void CompareColumns(TableShape expected, TableShape actual, List<SchemaDifference> differences)
    {
        var table = expected.Name;
        foreach (var column in expected.Columns)
        {
            var found = actual.Columns.Find(c => Same(c.Name, column.Name));
            if (found is null)
            {
                differences.Add(new(SchemaDifferenceKind.MissingColumn, table, column.Name, null, $"Table `{table}` has no column `{column.Name}` (the model's {Describe(column)})."));
                continue;
            }

            if (found.NormalType != column.NormalType)
            {
                differences.Add(new(SchemaDifferenceKind.ColumnType, table, column.Name, null, $"Column `{table}`.`{column.Name}` is {found.NormalType} in the database and {column.NormalType} in the model."));
            }

            if (found.IsNullable != column.IsNullable)
            {
                differences.Add(new(SchemaDifferenceKind.ColumnNullability, table, column.Name, null, $"Column `{table}`.`{column.Name}` is {Nullability(found)} in the database and {Nullability(column)} in the model."));
            }

            if (found.IsAutoIncrement != column.IsAutoIncrement)
            {
                differences.Add(new(SchemaDifferenceKind.ColumnAutoIncrement, table, column.Name, null, $"Column `{table}`.`{column.Name}` is {(found.IsAutoIncrement ? "" : "not ")}AUTO_INCREMENT in the database and {(column.IsAutoIncrement ? "" : "not ")}in the model."));
            }
        }

        foreach (var column in actual.Columns)
        {
            if (expected.Columns.Exists(c => Same(c.Name, column.Name))) continue;
            differences.Add(new(SchemaDifferenceKind.ExtraColumn, table, column.Name, null, $"Table `{table}` has a column `{column.Name}` ({Describe(column)}) that the model does not map."));
        }
    }

    private static void CompareIndexes(TableShape expected, TableShape actual, List<SchemaDifference> differences)
    {
        var table = expected.Name;
        foreach (var index in expected.Indexes)
        {
            var found = actual.Indexes.Find(i => Same(i.Name, index.Name));
            if (found is null)
            {
                differences.Add(new(SchemaDifferenceKind.MissingIndex, table, null, index.Name, $"Table `{table}` has no {Kind(index)} `{index.Name}` on {List(index.Columns)}."));
            }
            else if (!found.HasSameDefinition(index))
            {
                differences.Add(new(SchemaDifferenceKind.IndexDiffers, table, null, index.Name, $"Index `{table}`.`{index.Name}` is {Article(found)} on {List(found.Columns)} in the database and {Article(index)} on {List(index.Columns)} in the model."));
            }
        }

        foreach (var index in actual.Indexes)
        {
            if (expected.Indexes.Exists(i => Same(i.Name, index.Name))) continue;
            // InnoDB indexes a foreign key column by itself, under the constraint's name, when no index starts with it.
            if (actual.ForeignKeys.Exists(f => Same(f.Name, index.Name))) continue;
            differences.Add(new(SchemaDifferenceKind.ExtraIndex, table, null, index.Name, $"Table `{table}` has {Article(index)} `{index.Name}` on {List(index.Columns)} that the model does not declare."));
        }
    }

    private static void CompareForeignKeys(TableShape expected, TableShape actual, List<SchemaDifference> differences)
    {
        var table = expected.Name;
        foreach (var foreignKey in expected.ForeignKeys)
        {
            var found = actual.ForeignKeys.Find(f => Same(f.Name, foreignKey.Name));
            if (found is null)
            {
                differences.Add(new(SchemaDifferenceKind.MissingForeignKey, table, foreignKey.Column, foreignKey.Name, $"Table `{table}` has no foreign key `{foreignKey.Name}` ({Describe(foreignKey)})."));
            }
            else if (!found.HasSameDefinition(foreignKey))
            {
                differences.Add(new(SchemaDifferenceKind.ForeignKeyDiffers, table, foreignKey.Column, foreignKey.Name, $"Foreign key `{table}`.`{foreignKey.Name}` is {Describe(found)} in the database and {Describe(foreignKey)} in the model."));
            }
        }

        foreach (var foreignKey in actual.ForeignKeys)
        {
            if (expected.ForeignKeys.Exists(f => Same(f.Name, foreignKey.Name))) continue;
            differences.Add(new(SchemaDifferenceKind.ExtraForeignKey, table, foreignKey.Column, foreignKey.Name, $"Table `{table}` has a foreign key `{foreignKey.Name}` ({Describe(foreignKey)}) that the model does not declare."));
        }
    }

    private static void CompareChecks(TableShape expected, TableShape actual, List<SchemaDifference> differences)
    {
        var table = expected.Name;
        foreach (var check in expected.Checks)
        {
            if (actual.Checks.Exists(c => Same(c.Name, check.Name))) continue;
            differences.Add(new(SchemaDifferenceKind.MissingCheck, table, null, check.Name, $"Table `{table}` has no CHECK constraint `{check.Name}` (the model's [Range])."));
        }

        foreach (var check in actual.Checks)
        {
            if (expected.Checks.Exists(c => Same(c.Name, check.Name))) continue;
            differences.Add(new(SchemaDifferenceKind.ExtraCheck, table, null, check.Name, $"Table `{table}` has a CHECK constraint `{check.Name}` that the model does not declare."));
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string List(IEnumerable<string> columns) => "(" + string.Join(", ", columns.Select(c => "`" + c + "`")) + ")";

    private static string Kind(IndexShape index) => index.IsUnique ? "unique key" : "index";

    private static string Article(IndexShape index) => index.IsUnique ? "a unique key" : "an index";

    private static string Nullability(ColumnShape column) => column.IsNullable ? "NULL" : "NOT NULL";

    private static string Describe(ColumnShape column) => $"{column.NormalType} {Nullability(column)}{(column.IsAutoIncrement ? " AUTO_INCREMENT" : "")}";

    private static string Describe(ForeignKeyShape foreignKey) =>
        $"`{foreignKey.Column}` to `{foreignKey.PrincipalTable}`.`{foreignKey.PrincipalColumn}`, on delete {foreignKey.OnDelete}";
}
