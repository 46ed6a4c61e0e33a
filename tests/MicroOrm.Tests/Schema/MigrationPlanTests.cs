using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Schema;
using MicroOrm.SqlBuilding;
using MicroOrm.Testing;
using MicroOrm.Tests.Infrastructure;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Schema;

/// <summary>
/// The steps between schema versions: their SQL and algorithm per dialect family (golden files), and on the real
/// server each step run with the algorithm it claims (MariaDB refuses an ALTER it cannot do that way), rows surviving
/// every version, and the live schema equal to the target after each.
/// </summary>
public sealed class MigrationPlanTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Files => new() { "mariadb", "mysql" };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_steps_between_versions_are_the_reviewed_sql(string file)
    {
        var dialect = file == "mariadb" ? SqlDialect.MariaDb : SqlDialect.MySql80;
        var text = new StringBuilder();
        for (var version = 1; version <= 5; version++)
        {
            var from = version == 1 ? [] : SchemaVersions.Version(version - 1, dialect.TableCollation);
            var plan = SchemaPlanner.Plan(from, SchemaVersions.Version(version, dialect.TableCollation), dialect, allowDataLoss: true);
            text.Append("-- version ").Append(version).Append('\n');
            foreach (var step in plan.Steps)
            {
                text.Append("-- ").Append(step.Description).Append(" [").Append(step.Algorithm).Append(step.LosesData ? ", loses data" : "").Append("]\n");
                text.Append(step.Sql).Append(";\n");
            }
        }

        Snapshot.Match($"Migrations.{file}.verified.sql", text.ToString());
    }

    [Fact]
    public void Every_golden_file_is_produced() =>
        Snapshot.AssertNoOrphans("Migrations.", Files.Select(row => $"Migrations.{row.Data}.verified.sql"));

    [Fact]
    public void Steps_that_lose_data_are_withheld_unless_asked_for()
    {
        var plan = SchemaPlanner.Plan(SchemaVersions.Version(4, "c"), SchemaVersions.Version(5, "c"), SqlDialect.MariaDb, allowDataLoss: false);

        Assert.Equal(
            ["Change column `mig_shops`.`name` from varchar(100) to varchar(50), which may not hold every value it has", "Drop column `mig_shops`.`city` and its values"],
            plan.Withheld.Select(s => s.Description));
        Assert.DoesNotContain(plan.Steps, s => s.LosesData);
        Assert.Contains(plan.Steps, s => s.Change == SchemaChange.DropIndex);
    }

    [Theory]
    [InlineData("VARCHAR(40)", "VARCHAR(60)", true, false)]
    [InlineData("VARCHAR(40)", "VARCHAR(100)", false, false)]
    [InlineData("VARCHAR(100)", "VARCHAR(50)", false, true)]
    [InlineData("INT", "BIGINT", false, false)]
    [InlineData("BIGINT", "INT", false, true)]
    [InlineData("INT", "INT UNSIGNED", false, true)]
    [InlineData("DECIMAL(10,2)", "DECIMAL(12,4)", false, false)]
    [InlineData("DECIMAL(10,2)", "DECIMAL(10,4)", false, true)]
    [InlineData("VARCHAR(100)", "MEDIUMTEXT", false, false)]
    [InlineData("MEDIUMTEXT", "VARCHAR(100)", false, true)]
    [InlineData("DATETIME", "DATETIME(6)", false, false)]
    [InlineData("DATETIME(6)", "DATE", false, true)]
    public void A_type_change_is_a_widening_only_when_every_value_fits(string from, string to, bool inPlaceWidening, bool losesData) =>
        Assert.Equal((inPlaceWidening ? SchemaChange.WidenVarchar : SchemaChange.ChangeColumnType, losesData), ColumnTypeChange.Classify(from, to));

    [Fact]
    public async Task Every_version_is_reached_on_the_server_with_the_claimed_algorithms_and_the_rows_survive()
    {
        var dialect = SqlDialect.MariaDb;
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        var executor = new CommandExecutor(ConnectionSource.FromConnectionString(database.ConnectionString));
        List<TableShape> current = [];
        for (var version = 1; version <= 5; version++)
        {
            var target = SchemaVersions.Version(version, dialect.TableCollation);
            var plan = SchemaPlanner.Plan(current, target, dialect, allowDataLoss: true);
            foreach (var step in plan.Steps)
            {
                // The claim is checked: with the ALGORITHM clause MariaDB refuses (error 1846) rather than do it slower.
                var sql = step.Algorithm == AlterAlgorithm.NotApplicable ? step.Sql : AlterSql.WithAlgorithm(step.Sql, step.Algorithm);
                await RunAsync(connection, sql);
            }

            var live = await LiveSchema.ReadAsync(executor, IOBehavior.Asynchronous, Ct);
            Assert.Empty(SchemaComparer.Compare(target, live));
            await InsertRowsAsync(connection, version);
            current = target;
        }

        // Rows from every version are there, the renamed column holding what was written before the rename.
        Assert.Equal("shop 1|shop 2|shop 3|shop 4|shop 5", await ScalarAsync(connection, "SELECT GROUP_CONCAT(name ORDER BY id SEPARATOR '|') FROM mig_shops"));
        Assert.Equal("title 2/9.50|title 3/9.50|label 4/9.50|label 5/9.50", await ScalarAsync(connection, "SELECT GROUP_CONCAT(CONCAT(label, '/', price) ORDER BY id SEPARATOR '|') FROM mig_products"));
        await executor.Source.DisposeAsync();
    }

    /// <summary>The changes the five versions do not make, each run on MariaDB with the algorithm the dialect claims.</summary>
    [Fact]
    public async Task Every_other_change_runs_on_MariaDB_with_the_claimed_algorithm()
    {
        var dialect = SqlDialect.MariaDb;
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await RunAsync(connection, "CREATE TABLE alg_parent (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB");
        await RunAsync(connection, "CREATE TABLE alg_child (id INT NOT NULL PRIMARY KEY, parent_id INT NULL, amount INT NOT NULL, KEY ix_alg_child_parent (parent_id)) ENGINE=InnoDB");
        await RunAsync(connection, "INSERT INTO alg_parent VALUES (1); INSERT INTO alg_child VALUES (1, 1, 5)");
        var changes = new (string Sql, SchemaChange Change)[]
        {
            (AlterSql.ModifyColumn("alg_child", new ColumnShape("amount", "INT", true, false)), SchemaChange.AllowNull),
            (AlterSql.ModifyColumn("alg_child", new ColumnShape("amount", "INT", false, false)), SchemaChange.ForbidNull),
            (AlterSql.AddForeignKey("alg_child", new ForeignKeyShape("fk_alg_child_parent", "parent_id", "alg_parent", "id", "CASCADE")), SchemaChange.AddForeignKey),
            (AlterSql.DropForeignKey("alg_child", "fk_alg_child_parent"), SchemaChange.DropForeignKey),
            (AlterSql.AddCheck("alg_child", new CheckShape("ck_alg_child_amount", "amount", "0", "10")), SchemaChange.AddCheck),
            (AlterSql.DropCheck("alg_child", "ck_alg_child_amount"), SchemaChange.DropCheck),
            (AlterSql.RenameTable("alg_child", "alg_children"), SchemaChange.RenameTable),
        };

        foreach (var (sql, change) in changes)
        {
            var algorithm = dialect.AlgorithmOf(change);
            try
            {
                await RunAsync(connection, AlterSql.WithAlgorithm(sql, algorithm));
            }
            catch (MySqlException refused)
            {
                Assert.Fail($"{change} is claimed {algorithm}, and MariaDB refused it: {refused.Message}");
            }
        }

        Assert.Equal("5", await ScalarAsync(connection, "SELECT CAST(amount AS CHAR) FROM alg_children WHERE id = 1"));
    }

    private static async Task InsertRowsAsync(MySqlConnection connection, int version)
    {
        await RunAsync(connection, $"INSERT INTO mig_shops (name) VALUES ('shop {version}')");
        if (version < 2) return;
        var column = version >= 4 ? "label" : "title";
        var text = version >= 4 ? "label" : "title";
        await RunAsync(connection, $"INSERT INTO mig_products (shop_id, {column}, price) VALUES (1, '{text} {version}', 9.5)");
    }

    private static async Task RunAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<string?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync(Ct);
    }
}
