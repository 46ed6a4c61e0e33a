using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Schema;
using MicroOrm.SqlBuilding;
using MicroOrm.Tool.Project;

namespace MicroOrm.Tool.Commands;

/// <summary>
/// <c>dotnet microorm migrations add &lt;Name&gt;</c>: the steps from the folder's last snapshot to the project's model,
/// written as the next <c>NNNN_Name.sql</c>, and the model as the new snapshot. Steps that lose data are written only
/// when asked for (<c>--allow-data-loss</c>), or left out on purpose (<c>--keep-data</c>); with neither, nothing is
/// written and the steps are listed.
/// </summary>
internal sealed record AddMigration(
    string Name, string? Project, string? Database, string? MigrationsPath, ServerDialect? Dialect, bool AllowDataLoss, bool KeepData, string Configuration, bool Build)
{
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (!MigrationFolder.IsValidName(Name)) throw new ToolException($"'{Name}' cannot name a migration: use letters, digits and underscores (it becomes the file name NNNN_{Name}.sql).");
        if (AllowDataLoss && KeepData) throw new ToolException("--allow-data-loss and --keep-data ask for opposite things: give one.");

        var project = TargetProject.Find(Project);
        var assembly = await project.BuildAsync(Configuration, Build, cancellationToken).ConfigureAwait(false);
        var (database, model) = ModelReader.Choose(ModelReader.Read(assembly), Database, assembly);
        var folder = new MigrationFolder(MigrationsPath ?? Path.Combine(project.Folder, "Migrations", database), database);

        var existing = folder.ReadMigrations(output);
        var snapshot = folder.ReadSnapshot();
        if (snapshot is null && existing.Count > 0)
        {
            throw new ToolException($"{folder.Path} has migrations but no {MigrationFolder.SnapshotFileName}, so the tool cannot tell what they lead to; restore the file from source control.");
        }

        var option = Dialect ?? (snapshot is null ? null : MigrationFolder.DialectOf(snapshot)) ?? ServerDialect.MariaDb;
        var dialect = SqlDialect.For(option)!;
        var from = snapshot is null ? [] : ModelShapes.ForDialect(ModelSnapshot.Parse(snapshot), dialect);
        var to = ModelShapes.ForDialect(ModelSnapshot.Parse(model), dialect);
        var plan = SchemaPlanner.Plan(from, to, dialect, AllowDataLoss);
        var last = existing.Count == 0 ? "the empty database" : $"migration {existing[^1]}";

        if (plan.Steps.Count == 0 && plan.Withheld.Count == 0)
        {
            await output.WriteLineAsync($"The model of {database} has not changed since {last}: no migration written.").ConfigureAwait(false);
            return 0;
        }

        if (plan.Withheld.Count > 0 && !KeepData)
        {
            var steps = string.Join("\n", plan.Withheld.Select(s => "  - " + s.Description));
            throw new ToolException(
                $"Going from {last} to the model loses data:\n{steps}\n" +
                "Nothing was written. Run again with --allow-data-loss to write these steps (marked LOSES DATA), or with --keep-data to leave them out.");
        }

        var version = existing.Count == 0 ? 1 : existing[^1].Version + 1;
        var file = folder.Write(version, Name, MigrationScript.Write(version, Name, plan), ModelSnapshot.WithoutHints(model), option);
        await output.WriteLineAsync($"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}: {plan.Steps.Count} step(s) for {dialect.Name}, and {MigrationFolder.SnapshotFileName}.").ConfigureAwait(false);
        foreach (var step in plan.Steps)
        {
            var algorithm = step.Algorithm == AlterAlgorithm.NotApplicable ? "" : $" [{step.Algorithm.ToString().ToUpperInvariant()}{(step.Algorithm == AlterAlgorithm.Copy ? ": copies the table and blocks writes" : "")}]";
            await output.WriteLineAsync($"  {step.Description}{algorithm}{(step.LosesData ? " LOSES DATA" : "")}").ConfigureAwait(false);
        }

        foreach (var step in plan.Withheld)
        {
            await output.WriteLineAsync($"  left out (--keep-data): {step.Description}").ConfigureAwait(false);
        }

        return 0;
    }
}
