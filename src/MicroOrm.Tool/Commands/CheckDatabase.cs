using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Schema;
using MicroOrm.Tool.Project;

namespace MicroOrm.Tool.Commands;

/// <summary>
/// <c>dotnet microorm database check</c>: compares the live database with the project's model, as
/// <c>db.Schema.CheckAsync()</c> does, and prints every difference; exit code 1 when there is drift, so a deployment
/// pipeline can stop on it.
/// </summary>
internal sealed record CheckDatabase(string? Project, string? Database, string? Connection, string Configuration, bool Build)
{
    /// <summary>The exit code for drift.</summary>
    public const int Drift = 1;

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var project = TargetProject.Find(Project);
        var assembly = await project.BuildAsync(Configuration, Build, cancellationToken).ConfigureAwait(false);
        var (name, model) = ModelReader.Choose(ModelReader.Read(assembly), Database, assembly);
        var tables = ModelSnapshot.Parse(model);
        await using var database = ToolDatabase.Connect(Connection, []);
        try
        {
            var differences = await SchemaManager.CheckAsync(database, tables, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
            if (differences.Count == 0)
            {
                await output.WriteLineAsync($"No drift: the database matches the model of {name} ({tables.Count} table(s)).").ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync($"The database differs from the model of {name} in {differences.Count} way(s):").ConfigureAwait(false);
            foreach (var difference in differences) await output.WriteLineAsync("  " + difference.Description).ConfigureAwait(false);
            return Drift;
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
