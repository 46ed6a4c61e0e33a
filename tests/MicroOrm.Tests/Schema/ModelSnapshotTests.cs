using System;
using System.Collections.Generic;
using System.Linq;
using MicroOrm.Mapping;
using MicroOrm.Schema;
using MicroOrm.SqlBuilding;
using Xunit;

namespace MicroOrm.Tests.Schema;

/// <summary>
/// The model snapshot text the generator writes (a database class's <c>ModelSnapshot</c>) read back by the runtime:
/// it must describe exactly the tables the generated <see cref="TableInfo"/>s describe, on every dialect, so that a
/// migration planned from the text (by the tool, which never runs the model) is the one the model needs.
/// </summary>
public sealed class ModelSnapshotTests
{
    public static TheoryData<string> Databases => new() { nameof(Models.TestDb), nameof(ReferenceModels.AppDb), nameof(Models.MigratingDb) };

    [Theory]
    [MemberData(nameof(Databases))]
    public void The_snapshot_text_describes_the_tables_of_the_model_on_every_dialect(string database)
    {
        var (text, tables) = Of(database);
        var parsed = ModelSnapshot.Parse(text);

        Assert.Equal(tables.Select(t => t.Name), parsed.Select(t => t.Name));
        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql80, SqlDialect.MySql84, SqlDialect.MySql9 })
        {
            for (var i = 0; i < tables.Count; i++)
            {
                var fromText = ModelShapes.ForDialect(parsed[i], dialect);
                Assert.Equal(TableDdl.CreateTable(tables[i], dialect), TableDdl.CreateTable(fromText));
                Assert.Equal(tables[i].PreviousName, fromText.Was);
                Assert.Equal(tables[i].Columns.Select(c => (c.Name, c.PreviousName)), fromText.Columns.Select(c => (c.Name, c.Was)));
            }
        }
    }

    [Fact]
    public void A_dialect_decides_the_collation_and_which_checks_a_table_declares()
    {
        var parsed = ModelSnapshot.Parse("""
            table `t`
              column `id` INT NOT NULL AUTO_INCREMENT
              column `parent_id` INT NULL
              column `age` INT NOT NULL
              primary key (`id`)
              foreign key `fk_t_parent_id` (`parent_id`) references `t` (`id`) on delete SET NULL
              check `ck_t_parent_id` (`parent_id`) between 1 and 1000
              check `ck_t_age` (`age`) between 0 and 150
            """).Single();

        var mariaDb = ModelShapes.ForDialect(parsed, SqlDialect.MariaDb);
        var mySql = ModelShapes.ForDialect(parsed, SqlDialect.MySql84);

        Assert.Equal("utf8mb4_unicode_520_ci", mariaDb.Collation);
        Assert.Equal("utf8mb4_0900_ai_ci", mySql.Collation);
        Assert.Equal(["ck_t_parent_id", "ck_t_age"], mariaDb.Checks.Select(c => c.Name));
        Assert.Equal(["ck_t_age"], mySql.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Rename_hints_are_read_and_a_snapshot_file_leaves_them_out()
    {
        const string text = "-- a comment was `kept`\ntable `b` was `a`\n  column `y` VARCHAR(20) NULL was `x`\n  primary key (`y`)\n";

        var table = ModelSnapshot.Parse(text).Single();

        Assert.Equal("a", table.Was);
        Assert.Equal(("y", "VARCHAR(20)", true, "x"), (table.Columns[0].Name, table.Columns[0].Type, table.Columns[0].IsNullable, table.Columns[0].Was));
        Assert.Equal("-- a comment was `kept`\ntable `b`\n  column `y` VARCHAR(20) NULL\n  primary key (`y`)\n", ModelSnapshot.WithoutHints(text));
    }

    [Theory]
    [InlineData("  column `id` INT NOT NULL", "Line 1 of the model snapshot is not understood (a table line comes first)")]
    [InlineData("table `t`\n  column `id` INT", "Line 2 of the model snapshot is not understood (a column's type is followed by NULL or NOT NULL)")]
    [InlineData("table `t`\n  index `ix` (`a`, `b`", "Line 2 of the model snapshot is not understood (a list of names ends with ')')")]
    [InlineData("table `t`\n  foreign key `fk` (`a`) references `p` (`id`) on delete EXPLODE", "Line 2 of the model snapshot is not understood (the rule after 'on delete' is one of CASCADE, SET NULL, NO ACTION, RESTRICT)")]
    [InlineData("table `t\n", "Line 1 of the model snapshot is not understood (a name's backtick is not closed)")]
    [InlineData("table `t`\n  view `v`", "Line 2 of the model snapshot is not understood (expected table, column, primary key, index, unique, foreign key or check)")]
    public void A_line_that_is_not_understood_is_refused_with_its_number(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ModelSnapshot.Parse(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static (string Text, IReadOnlyList<TableInfo> Tables) Of(string database)
    {
        const string unused = "Server=unused";
        return database switch
        {
            nameof(Models.TestDb) => (Models.TestDb.ModelSnapshot, Models.TestDb.Connect(unused).Schema.Tables),
            nameof(ReferenceModels.AppDb) => (ReferenceModels.AppDb.ModelSnapshot, ReferenceModels.AppDb.Connect(unused).Schema.Tables),
            _ => (Models.MigratingDb.ModelSnapshot, Models.MigratingDb.Connect(unused).Schema.Tables),
        };
    }
}
