using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Schema;
using MicroOrm.Servers;
using MicroOrm.SqlBuilding;
using MicroOrm.Testing;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Schema;

/// <summary>
/// Migration files as a project has them: <c>Migrations/MigratingDb/NNNN_Name.sql</c>, given to the compiler as
/// additional files, embedded by the generator into <see cref="MigratingDb"/>, and applied with
/// <c>db.Migrations.ApplyAsync()</c>. The files are what the planner writes for the five schema versions.
/// </summary>
public sealed class EmbeddedMigrationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_checked_in_files_are_what_the_planner_writes()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "MicroOrm.Tests", "Migrations", "MigratingDb");
        for (var version = 1; version <= 5; version++)
        {
            var collation = SqlDialect.MariaDb.TableCollation;
            var from = version == 1 ? [] : SchemaVersions.Version(version - 1, collation);
            var plan = SchemaPlanner.Plan(from, SchemaVersions.Version(version, collation), SqlDialect.MariaDb, allowDataLoss: true);
            var name = $"{version:0000}_Version{version}.sql";
            Snapshot.MatchFile(Path.Combine(folder, name), MigrationScript.Write(version, "Version" + version, plan));
        }
    }

    [Fact]
    public async Task The_generator_embeds_the_files_and_ApplyAsync_applies_them()
    {
        await using var db = MigratingDb.Connect("Server=unused");
        Assert.Equal([1L, 2, 3, 4, 5], db.Migrations.All.Select(m => m.Version));
        Assert.Equal("Version3", db.Migrations.All[2].Name);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "MicroOrm.Tests", "Migrations", "MigratingDb", "0003_Version3.sql")).Replace("\r\n", "\n", System.StringComparison.Ordinal), db.Migrations.All[2].Script);

        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "embedded", Ct);
        await using var live = MigratingDb.Connect(scratch.ConnectionString);
        Assert.Equal(5, (await live.Migrations.GetPendingAsync(Ct)).Count);
        Assert.Equal(5, (await live.Migrations.ApplyAsync(Ct)).Count);
        Assert.Empty(live.Migrations.GetPending());
        Assert.Empty(live.Migrations.Apply());

        var shapes = await LiveSchema.ReadAsync(live.Executor, IOBehavior.Asynchronous, Ct);
        Assert.Empty(SchemaComparer.Compare(SchemaVersions.Version(5, SqlDialect.MariaDb.TableCollation), shapes));
    }
}
