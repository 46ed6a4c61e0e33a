using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Migrations.Tests.Infrastructure;
using MicroOrm.Servers;
using MicroOrm.Testing;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Migrations.Tests;

/// <summary>
/// dotnet microorm against the shop model and the real server: <c>migrations add</c> writes the checked-in files as the
/// model goes through its versions and asks before losing data; <c>database update</c> applies a folder, or writes it
/// as a script a DBA can run any number of times; <c>database check</c> exits 1 on drift and names it.
/// </summary>
public sealed class ToolTests(ServerFixture server) : IDisposable
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("microorm-tool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Adding_a_migration_at_each_version_writes_the_checked_in_files()
    {
        // The first version is built by the tool, as a user's project would be; the others are read as the test build left them.
        var first = await ToolRun.RunAsync("migrations", "add", "CreateShops", "--project", ToolRun.ShopProject(1), "--migrations", _folder, "-c", ToolRun.Configuration);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("0001_CreateShops.sql: 2 step(s) for MariaDB", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("city", File.ReadAllText(Path.Combine(_folder, "model.snapshot")), StringComparison.Ordinal);

        var second = await ToolRun.RunAsync("migrations", "add", "AddCity", "-p", ToolRun.ShopProject(2), "--migrations", _folder, "-c", ToolRun.Configuration, "--no-build");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Add column `shops`.`city` (VARCHAR(80) NULL) [INSTANT]", second.Output, StringComparison.Ordinal);

        var third = await ToolRun.RunAsync("migrations", "add", "RenameTitle", "-p", ToolRun.ShopProject(3), "--migrations", _folder, "-c", ToolRun.Configuration, "--no-build");
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("Rename column `products`.`title` to `label` [INSTANT]", third.Output, StringComparison.Ordinal);

        string[] files = ["0001_CreateShops.sql", "0002_AddCity.sql", "0003_RenameTitle.sql", "model.snapshot"];
        Assert.Equal(files, Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(files, Directory.GetFiles(ToolRun.ShopMigrations).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files) Snapshot.MatchFile(Path.Combine(ToolRun.ShopMigrations, file), File.ReadAllText(Path.Combine(_folder, file)));

        var again = await ToolRun.RunAsync("migrations", "add", "Nothing", "-p", ToolRun.ShopProject(3), "--migrations", _folder, "-c", ToolRun.Configuration, "--no-build");
        Assert.Equal((0, "The model of ShopDb has not changed since migration 3 RenameTitle: no migration written.\n"), (again.ExitCode, again.Output));
        Assert.Equal(4, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public async Task A_step_that_loses_data_is_written_only_when_asked_for_and_marked()
    {
        CopyShopMigrations();
        string[] back = ["migrations", "add", "Back", "-p", ToolRun.ShopProject(2), "--migrations", _folder, "-c", ToolRun.Configuration, "--no-build"];

        var refused = await ToolRun.RunAsync(back);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("loses data:\n  - Drop column `products`.`label` and its values\nNothing was written.", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "0004_Back.sql")));
        Assert.Equal(File.ReadAllText(Path.Combine(ToolRun.ShopMigrations, "model.snapshot")), File.ReadAllText(Path.Combine(_folder, "model.snapshot")));

        var kept = await ToolRun.RunAsync([.. back, "--keep-data"]);
        Assert.True(kept.ExitCode == 0, kept.ToString());
        var keptScript = File.ReadAllText(Path.Combine(_folder, "0004_Back.sql"));
        Assert.Contains("-- Not written, because it loses data (ask for data-losing steps to include it): Drop column `products`.`label` and its values", keptScript, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP COLUMN", keptScript, StringComparison.Ordinal);
        Assert.Contains("ADD COLUMN `title` VARCHAR(40) NOT NULL", keptScript, StringComparison.Ordinal);

        File.Delete(Path.Combine(_folder, "0004_Back.sql"));
        File.Copy(Path.Combine(ToolRun.ShopMigrations, "model.snapshot"), Path.Combine(_folder, "model.snapshot"), overwrite: true);
        var allowed = await ToolRun.RunAsync([.. back, "--allow-data-loss"]);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("Drop column `products`.`label` and its values [INSTANT] LOSES DATA", allowed.Output, StringComparison.Ordinal);
        Assert.Contains("-- LOSES DATA\nALTER TABLE `products` DROP COLUMN `label`;", File.ReadAllText(Path.Combine(_folder, "0004_Back.sql")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_update_applies_the_folder_as_the_application_would_and_then_finds_nothing_to_do()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "update", Ct);

        var first = await ToolRun.RunAsync("database", "update", "-p", ToolRun.ShopProject(3), "--connection", scratch.ConnectionString);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(
            "Applied 0001 CreateShops (2 step(s)).\nApplied 0002 AddCity (2 step(s)).\nApplied 0003 RenameTitle (2 step(s)).\n3 migration(s) applied; the database is at migration 3 RenameTitle.\n",
            first.Output);

        var second = await ToolRun.RunAsync("database", "update", "--migrations", ToolRun.ShopMigrations, "--connection", scratch.ConnectionString);
        Assert.Equal((0, "The database is up to date: all 3 migration(s) of ShopDb are applied.\n"), (second.ExitCode, second.Output));

        await using var app = Shop.V3.ShopDb.Connect(scratch.ConnectionString);
        Assert.Empty(await app.Migrations.GetPendingAsync(Ct));
        Assert.Empty(await app.Schema.CheckAsync(Ct));
    }

    [Fact]
    public async Task The_script_makes_each_change_once_however_often_it_runs_and_stops_on_a_changed_migration()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "script", Ct);
        var script = Path.Combine(_folder, "update.sql");
        var written = await ToolRun.RunAsync("database", "update", "-p", ToolRun.ShopProject(3), "--script", "-o", script);
        Assert.True(written.ExitCode == 0, written.ToString());

        // The application applied the first migration; the DBA runs the script for the rest, twice.
        await using (var v1 = Shop.V1.ShopDb.Connect(scratch.ConnectionString)) await v1.Migrations.ApplyAsync(Ct);
        var v1Steps = await DirectSql.RowsAsync(scratch.ConnectionString, "SELECT `version`, `step`, `applied_at` FROM `microorm_migration_steps` ORDER BY `version`, `step`");
        Assert.Equal(0, await RunScriptAsync(scratch.ConnectionString, script));
        Assert.Equal(0, await RunScriptAsync(scratch.ConnectionString, script));

        await using (var app = Shop.V3.ShopDb.Connect(scratch.ConnectionString))
        {
            Assert.Empty(await app.Migrations.GetPendingAsync(Ct));
            Assert.Empty(await app.Schema.CheckAsync(Ct));
            Assert.Empty(await app.Migrations.ApplyAsync(Ct));
        }

        var steps = await DirectSql.RowsAsync(scratch.ConnectionString, "SELECT `version`, `step`, `applied_at` FROM `microorm_migration_steps` ORDER BY `version`, `step`");
        Assert.Equal(["1|1", "1|2", "2|1", "2|2", "3|1", "3|2"], steps.Select(s => string.Join("|", s.Split('|').Take(2))));
        Assert.Equal(v1Steps, steps.Take(2));
        Assert.Equal(["1|2|2|2|1", "2|2|2|2|1", "3|2|2|2|1"], await DirectSql.RowsAsync(scratch.ConnectionString,
            "SELECT `version`, `steps`, `steps_started`, `steps_done`, `finished_at` IS NOT NULL FROM `microorm_migrations` ORDER BY `version`"));

        await DirectSql.ExecuteAsync(scratch.ConnectionString, "UPDATE `microorm_migrations` SET `checksum` = REPEAT('0', 64) WHERE `version` = 2");
        var (code, error) = await RunScriptCapturingAsync(scratch.ConnectionString, script);
        Assert.NotEqual(0, code);
        Assert.Contains("microorm stop: migration 2 changed since it was applied", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_check_exits_1_on_drift_naming_the_table_and_column_and_0_once_it_is_fixed()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "check", Ct);
        await using (var app = Shop.V3.ShopDb.Connect(scratch.ConnectionString)) await app.Migrations.ApplyAsync(Ct);
        string[] check = ["database", "check", "-p", ToolRun.ShopProject(3), "-c", ToolRun.Configuration, "--no-build", "--connection", scratch.ConnectionString];

        var clean = await ToolRun.RunAsync(check);
        Assert.Equal((0, "No drift: the database matches the model of ShopDb (2 table(s)).\n"), (clean.ExitCode, clean.Output));

        await DirectSql.ExecuteAsync(scratch.ConnectionString, "ALTER TABLE products MODIFY label VARCHAR(50) NOT NULL");
        var drifted = await ToolRun.RunAsync(check);
        Assert.Equal(1, drifted.ExitCode);
        Assert.Equal("The database differs from the model of ShopDb in 1 way(s):\n  Column `products`.`label` is varchar(50) in the database and varchar(60) in the model.\n", drifted.Output);

        await DirectSql.ExecuteAsync(scratch.ConnectionString, "ALTER TABLE products MODIFY label VARCHAR(60) NOT NULL");
        Assert.Equal(0, (await ToolRun.RunAsync(check)).ExitCode);
    }

    [Fact]
    public async Task A_command_that_cannot_run_says_why_and_exits_2()
    {
        var noProject = await ToolRun.RunAsync("migrations", "add", "X", "-p", _folder);
        Assert.Equal((2, $"error: No project file (*.csproj) in {_folder}: name one with --project.\n"), (noProject.ExitCode, noProject.Error));

        var badName = await ToolRun.RunAsync("migrations", "add", "add-city", "-p", ToolRun.ShopProject(3));
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("'add-city' cannot name a migration", badName.Error, StringComparison.Ordinal);

        var noFiles = await ToolRun.RunAsync("database", "update", "--migrations", _folder, "--connection", "Server=unused");
        Assert.Equal((2, $"error: {_folder} has no migrations (NNNN_Name.sql files).\n"), (noFiles.ExitCode, noFiles.Error));

        var detect = await ToolRun.RunAsync("migrations", "add", "X", "--dialect", "Detect");
        Assert.NotEqual(0, detect.ExitCode);
        Assert.Contains("--dialect names the server the files are written for", detect.Error, StringComparison.Ordinal);
    }

    private void CopyShopMigrations()
    {
        foreach (var file in Directory.GetFiles(ToolRun.ShopMigrations)) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    private static async Task<int> RunScriptAsync(string connectionString, string script)
    {
        var (code, error) = await RunScriptCapturingAsync(connectionString, script);
        Assert.True(code == 0, error);
        return code;
    }

    /// <summary>The script run as a DBA runs it: the server's command-line client reading the file.</summary>
    private static async Task<(int Code, string Error)> RunScriptCapturingAsync(string connectionString, string script)
    {
        var settings = new MySqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Client()) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--protocol=TCP", "-h", settings.Server, "-P", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", settings.UserID, settings.Database })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MYSQL_PWD"] = settings.Password;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(script, Ct));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        await output;
        return (process.ExitCode, error);
    }

    /// <summary>MariaDB's client, or MySQL's where that is what the machine has.</summary>
    private static string Client()
    {
        foreach (var name in new[] { "mariadb", "mysql" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path)) return path;
            }
        }

        throw new InvalidOperationException("The script test runs the server's command-line client, and neither mariadb nor mysql is installed (Debian: apt-get install mariadb-client).");
    }
}
