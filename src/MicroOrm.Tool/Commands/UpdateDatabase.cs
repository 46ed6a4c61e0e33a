using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.SqlBuilding;
using MicroOrm.Tool.Project;

namespace MicroOrm.Tool.Commands;

/// <summary>
/// <c>dotnet microorm database update</c>: applies the folder's pending migrations as the application's
/// <c>db.Migrations.ApplyAsync()</c> does (one runner at a time, each step once, resuming where a run stopped); or,
/// with <c>--script</c>, writes them as one idempotent script for a DBA instead of connecting.
/// </summary>
internal sealed record UpdateDatabase(string? Project, string? Database, string? MigrationsPath, string? Connection, bool Script, string? OutputPath)
{
    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var project = MigrationsPath is null ? TargetProject.Find(Project) : null;
        var folder = project is null
            ? new MigrationFolder(MigrationsPath!, Database ?? Path.GetFileName(Path.GetFullPath(MigrationsPath!).TrimEnd(Path.DirectorySeparatorChar)))
            : MigrationFolder.For(project.Folder, Database, null);
        var migrations = folder.ReadMigrations(error);
        if (migrations.Count == 0) throw new ToolException($"{folder.Path} has no migrations (NNNN_Name.sql files).");

        if (Script)
        {
            var text = IdempotentScript.Write(folder.Database, migrations);
            if (OutputPath is null)
            {
                await output.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(OutputPath, text, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"Wrote {OutputPath}: {migrations.Count} migration(s), each step guarded by the history, so it can run more than once.").ConfigureAwait(false);
            }

            return 0;
        }

        if (OutputPath is not null) throw new ToolException("--output names the file for --script; without --script the migrations are applied, not written.");
        await using var database = ToolDatabase.Connect(Connection, migrations);
        try
        {
            var applied = await database.Migrations.ApplyAsync(cancellationToken).ConfigureAwait(false);
            foreach (var migration in applied)
            {
                await output.WriteLineAsync($"Applied {migration.Version:0000} {migration.Name} ({migration.StepCount} step(s)).").ConfigureAwait(false);
            }

            await output.WriteLineAsync(applied.Count == 0
                ? $"The database is up to date: all {migrations.Count} migration(s) of {folder.Database} are applied."
                : $"{applied.Count} migration(s) applied; the database is at migration {migrations[^1]}.").ConfigureAwait(false);
            return 0;
        }
        catch (MigrationException failure)
        {
            throw new ToolException(failure.Message);
        }
        catch (MicroOrmException failure)
        {
            throw new ToolException("The server refused: " + failure.Message);
        }
        catch (InvalidOperationException failure) when (Connection is null)
        {
            throw new ToolException(failure.Message + " Or pass --connection.");
        }
    }
}
