using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Schema;
using MicroOrm.Servers;
using MicroOrm.SqlBuilding;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Schema;

/// <summary>
/// The migration runner against the real server, on the five schema versions of <see cref="SchemaVersions"/>: rows
/// survive every version; a run stopped after any step (before or after that step was recorded) is finished by the
/// next run with the same schema; four runners at once apply each migration and each step once; an edited applied
/// migration is refused; a step that fails says where it stopped and the next run resumes there.
/// </summary>
public sealed class MigrationRunnerTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The five migrations, as the files the tool writes for MariaDB.</summary>
    private static readonly Migration[] Migrations = Enumerable.Range(1, 5).Select(version =>
    {
        var collation = SqlDialect.MariaDb.TableCollation;
        var from = version == 1 ? [] : SchemaVersions.Version(version - 1, collation);
        var plan = SchemaPlanner.Plan(from, SchemaVersions.Version(version, collation), SqlDialect.MariaDb, allowDataLoss: true);
        return new Migration(version, "Version" + version, MigrationScript.Write(version, "Version" + version, plan));
    }).ToArray();

    private static int TotalSteps => Migrations.Sum(m => m.StepCount);

    [Fact]
    public async Task Each_version_is_applied_once_and_the_rows_of_every_version_survive()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "migrate", Ct);
        await using var db = TestDb.Connect(scratch.ConnectionString);
        for (var version = 1; version <= 5; version++)
        {
            var applied = await MigrationRunner.ApplyAsync(db, Migrations[..version], new MigrationSettings(), IOBehavior.Asynchronous, Ct);
            Assert.Equal([version], applied.Select(m => m.Version));
            Assert.Empty(await MigrationRunner.ApplyAsync(db, Migrations[..version], new MigrationSettings(), IOBehavior.Asynchronous, Ct));
            Assert.Empty(await MigrationRunner.PendingAsync(db, Migrations[..version], IOBehavior.Asynchronous, Ct));
            await AssertSchemaAsync(db, version);
            await InsertRowsAsync(scratch.ConnectionString, version);
        }

        Assert.Equal("shop 1|shop 2|shop 3|shop 4|shop 5", await DirectSql.TextAsync(scratch.ConnectionString, "SELECT GROUP_CONCAT(name ORDER BY id SEPARATOR '|') FROM mig_shops"));
        Assert.Equal("title 2|title 3|label 4|label 5", await DirectSql.TextAsync(scratch.ConnectionString, "SELECT GROUP_CONCAT(label ORDER BY id SEPARATOR '|') FROM mig_products"));
        Assert.Equal(TotalSteps.ToString(System.Globalization.CultureInfo.InvariantCulture), await DirectSql.TextAsync(scratch.ConnectionString, "SELECT COUNT(*) FROM microorm_migration_steps"));
    }

    public static TheoryData<int, bool> StopPoints()
    {
        var data = new TheoryData<int, bool>();
        for (var step = 1; step <= Migrations.Sum(m => m.StepCount); step++)
        {
            data.Add(step, false);
            data.Add(step, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StopPoints))]
    public async Task A_run_stopped_after_any_step_is_finished_by_the_next(int stopAfter, bool recorded)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "resume", Ct);
        await using var db = TestDb.Connect(scratch.ConnectionString);
        var seen = 0;
        var stopping = new MigrationSettings
        {
            AfterStep = (_, _, isRecorded) =>
            {
                if (isRecorded == recorded && ++seen == stopAfter) throw new ProcessKilled();
            },
        };

        await Assert.ThrowsAsync<ProcessKilled>(async () => await MigrationRunner.ApplyAsync(db, Migrations, stopping, IOBehavior.Asynchronous, Ct));
        Assert.NotEmpty(await MigrationRunner.PendingAsync(db, Migrations, IOBehavior.Asynchronous, Ct));

        await using var again = TestDb.Connect(scratch.ConnectionString);
        await MigrationRunner.ApplyAsync(again, Migrations, new MigrationSettings(), IOBehavior.Asynchronous, Ct);

        await AssertSchemaAsync(again, 5);
        Assert.Equal(TotalSteps.ToString(System.Globalization.CultureInfo.InvariantCulture), await DirectSql.TextAsync(scratch.ConnectionString, "SELECT COUNT(*) FROM microorm_migration_steps"));
        Assert.Equal("5", await DirectSql.TextAsync(scratch.ConnectionString, "SELECT COUNT(*) FROM microorm_migrations WHERE finished_at IS NOT NULL"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Four_runners_at_once_apply_each_migration_and_each_step_once(bool useGetLock)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "concurrent", Ct);
        using var counter = new CommandCounter(scratch.Name);
        var settings = new MigrationSettings { UseGetLock = useGetLock, PollInterval = TimeSpan.FromMilliseconds(20) };

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = TestDb.Connect(scratch.ConnectionString);
            return await MigrationRunner.ApplyAsync(db, Migrations, settings, IOBehavior.Asynchronous, Ct);
        }));

        // One runner applied all five; the others found them applied once they had the lock.
        Assert.Equal(5, runs.Sum(r => r.Count));
        Assert.Single(runs, r => r.Count == 5);
        foreach (var step in Migrations.SelectMany(m => m.Steps))
        {
            Assert.Single(counter.Commands, c => c == step.Sql);
        }

        Assert.Equal("5", await DirectSql.TextAsync(scratch.ConnectionString, "SELECT COUNT(*) FROM microorm_migrations"));
        // Which lock was used: GET_LOCK needs no lock table; the lock row does.
        Assert.Equal(!useGetLock, counter.Commands.Any(c => c.StartsWith("CREATE TABLE IF NOT EXISTS `microorm_migration_lock`", StringComparison.Ordinal)));
        await using var check = TestDb.Connect(scratch.ConnectionString);
        await AssertSchemaAsync(check, 5);
    }

    [Fact]
    public async Task A_database_on_one_borrowed_connection_applies_and_releases_the_lock()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "borrowed", Ct);
        await using var connection = new MySqlConnector.MySqlConnection(scratch.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var db = TestDb.FromConnection(connection);

        Assert.Equal(5, (await MigrationRunner.ApplyAsync(db, Migrations, new MigrationSettings(), IOBehavior.Asynchronous, Ct)).Count);

        await AssertSchemaAsync(db, 5);
        // The lock was released on the borrowed session: another session takes it at once.
        Assert.Equal("1", await DirectSql.TextAsync(scratch.ConnectionString, $"SELECT GET_LOCK(LEFT(CONCAT('microorm_migrations.', DATABASE()), 64), 0)"));
    }

    [Fact]
    public async Task An_applied_migration_whose_file_changed_is_refused()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "checksum", Ct);
        await using var db = TestDb.Connect(scratch.ConnectionString);
        await MigrationRunner.ApplyAsync(db, Migrations[..2], new MigrationSettings(), IOBehavior.Asynchronous, Ct);
        var edited = new Migration(2, "Version2", Migrations[1].Script.Replace("VARCHAR(40)", "VARCHAR(45)", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<MigrationException>(async () => await MigrationRunner.ApplyAsync(db, [Migrations[0], edited, Migrations[2]], new MigrationSettings(), IOBehavior.Asynchronous, Ct));

        Assert.Equal(2, error.Version);
        Assert.Equal($"Migration 2 (Version2) was applied with checksum {Migrations[1].Checksum}, and its file now has {edited.Checksum}: an applied migration must not change. Undo the edit, and put the change in a new migration.", error.Message);
        Assert.Equal("2", await DirectSql.TextAsync(scratch.ConnectionString, "SELECT COUNT(*) FROM microorm_migrations"));
    }

    [Fact]
    public async Task A_database_with_a_migration_the_application_does_not_know_is_refused()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "unknown", Ct);
        await using var db = TestDb.Connect(scratch.ConnectionString);
        await MigrationRunner.ApplyAsync(db, Migrations[..2], new MigrationSettings(), IOBehavior.Asynchronous, Ct);

        var error = await Assert.ThrowsAsync<MigrationException>(async () => await MigrationRunner.ApplyAsync(db, Migrations[..1], new MigrationSettings(), IOBehavior.Asynchronous, Ct));

        Assert.Equal(2, error.Version);
        Assert.Equal("The database has migration 2 (Version2), which this application does not know: it was made by a newer version, or its file was removed.", error.Message);
    }

    [Fact]
    public async Task A_failed_step_says_where_it_stopped_and_the_next_run_resumes_there()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "failed-step", Ct);
        await using var db = TestDb.Connect(scratch.ConnectionString);
        await MigrationRunner.ApplyAsync(db, Migrations[..1], new MigrationSettings(), IOBehavior.Asynchronous, Ct);
        await DirectSql.ExecuteAsync(scratch.ConnectionString, "INSERT INTO mig_shops (name) VALUES ('twice'), ('twice')");
        var unique = new Migration(2, "UniqueNames", """
            -- step 1: Add column `mig_shops`.`code`
            ALTER TABLE `mig_shops` ADD COLUMN `code` INT NULL;

            -- step 2: Add unique key `mig_shops`.`ux_mig_shops_name`
            ALTER TABLE `mig_shops` ADD UNIQUE KEY `ux_mig_shops_name` (`name`);

            -- step 3: Add index `mig_shops`.`ix_mig_shops_code`
            ALTER TABLE `mig_shops` ADD KEY `ix_mig_shops_code` (`code`);
            """);

        var error = await Assert.ThrowsAsync<MigrationException>(async () => await MigrationRunner.ApplyAsync(db, [Migrations[0], unique], new MigrationSettings(), IOBehavior.Asynchronous, Ct));
        Assert.Equal(2, error.Version);
        Assert.Equal(2, error.Step);
        Assert.Equal(1062, error.ServerErrorCode);
        Assert.StartsWith("Migration 2 (UniqueNames) stopped at step 2 of 3 (Add unique key `mig_shops`.`ux_mig_shops_name`): ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Steps 1 to 1 applied; fix the cause and run again: it resumes at step 2.", error.Message, StringComparison.Ordinal);

        await DirectSql.ExecuteAsync(scratch.ConnectionString, "DELETE FROM mig_shops WHERE name = 'twice' LIMIT 1");
        Assert.Equal([2], (await MigrationRunner.ApplyAsync(db, [Migrations[0], unique], new MigrationSettings(), IOBehavior.Asynchronous, Ct)).Select(m => m.Version));
        Assert.Equal("3", await DirectSql.TextAsync(scratch.ConnectionString, "SELECT COUNT(*) FROM microorm_migration_steps WHERE version = 2"));
    }

    private static async Task AssertSchemaAsync(TestDb db, int version)
    {
        var live = await LiveSchema.ReadAsync(db.Executor, IOBehavior.Asynchronous, Ct);
        Assert.Empty(SchemaComparer.Compare(SchemaVersions.Version(version, SqlDialect.MariaDb.TableCollation), live));
    }

    private static async Task InsertRowsAsync(string connectionString, int version)
    {
        await DirectSql.ExecuteAsync(connectionString, $"INSERT INTO mig_shops (name) VALUES ('shop {version}')");
        if (version < 2) return;
        var column = version >= 4 ? "label" : "title";
        await DirectSql.ExecuteAsync(connectionString, $"INSERT INTO mig_products (shop_id, {column}, price) VALUES (1, '{column} {version}', 9.5)");
    }

    /// <summary>What a process killed at that moment leaves behind: the steps so far, and nothing else.</summary>
    private sealed class ProcessKilled : Exception;
}
