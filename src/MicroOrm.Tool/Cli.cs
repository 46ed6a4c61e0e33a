using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tool.Commands;

namespace MicroOrm.Tool;

/// <summary>
/// The command line of <c>dotnet microorm</c>, parsed by System.CommandLine: <c>migrations add</c>,
/// <c>database update</c> and <c>database check</c>. Exit codes: 0 done, 1 drift found, 2 the command could not do
/// what was asked (the reason is printed).
/// </summary>
internal static class Cli
{
    public const int Failed = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build(output, error);
        var result = root.Parse(args);
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolException failure)
        {
            await error.WriteLineAsync("error: " + failure.Message).ConfigureAwait(false);
            return Failed;
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var project = new Option<string?>("--project", "-p") { Description = "The project file, or its folder (default: the current folder)." };
        var database = new Option<string?>("--database", "-d") { Description = "The [Database] class (default: the only one)." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The configuration to build and read.", DefaultValueFactory = _ => "Debug" };
        var noBuild = new Option<bool>("--no-build") { Description = "Read the assembly as last built, without building." };
        var migrations = new Option<string?>("--migrations") { Description = "The migrations folder (default: Migrations/<Database> beside the project)." };
        var connection = new Option<string?>("--connection") { Description = $"The MySqlConnector connection string (default: the {ConnectionStrings.EnvironmentVariable} environment variable)." };

        var name = new Argument<string>("name") { Description = "The migration's name: letters, digits and underscores (the file is NNNN_<name>.sql)." };
        var dialect = new Option<ServerDialect?>("--dialect")
        {
            Description = "The server the SQL is written for (default: the snapshot's, else MariaDb).",
            HelpName = "MariaDb|MySql80|MySql84|MySql9",
        };
        dialect.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<ServerDialect?>() == ServerDialect.Detect) result.AddError("--dialect names the server the files are written for: MariaDb, MySql80, MySql84 or MySql9.");
        });
        var allowDataLoss = new Option<bool>("--allow-data-loss") { Description = "Write steps that lose data (drop a table or column, narrow a type), marked LOSES DATA." };
        var keepData = new Option<bool>("--keep-data") { Description = "Leave steps that lose data out of the migration (listed in its header)." };
        var add = new Command("add", "Writes the next migration from the difference between the last snapshot and the model, and the new snapshot.")
        {
            name, project, database, migrations, dialect, allowDataLoss, keepData, configuration, noBuild,
        };
        add.SetAction((parse, cancellationToken) => new AddMigration(
            parse.GetValue(name)!, parse.GetValue(project), parse.GetValue(database), parse.GetValue(migrations), parse.GetValue(dialect),
            parse.GetValue(allowDataLoss), parse.GetValue(keepData), parse.GetValue(configuration)!, !parse.GetValue(noBuild)).RunAsync(output, cancellationToken));

        var script = new Option<bool>("--script") { Description = "Write the migrations as one idempotent SQL script instead of applying them." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "With --script: the file to write (default: standard output)." };
        var update = new Command("update", "Applies the pending migrations of the folder (or, with --script, writes them as SQL for a DBA).")
        {
            project, database, migrations, connection, script, outputFile,
        };
        update.SetAction((parse, cancellationToken) => new UpdateDatabase(
            parse.GetValue(project), parse.GetValue(database), parse.GetValue(migrations), parse.GetValue(connection), parse.GetValue(script), parse.GetValue(outputFile))
            .RunAsync(output, error, cancellationToken));

        var check = new Command("check", "Compares the live database with the model; exit code 1 when they differ.")
        {
            project, database, connection, configuration, noBuild,
        };
        check.SetAction((parse, cancellationToken) => new CheckDatabase(
            parse.GetValue(project), parse.GetValue(database), parse.GetValue(connection), parse.GetValue(configuration)!, !parse.GetValue(noBuild)).RunAsync(output, cancellationToken));

        return new RootCommand("MicroOrm's migrations: add them from the model, apply them, and check a database for drift.")
        {
            new Command("migrations", "Migration files.") { add },
            new Command("database", "A live database.") { update, check },
        };
    }
}
