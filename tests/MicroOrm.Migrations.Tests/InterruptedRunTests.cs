using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Migrations.Tests.Infrastructure;
using MicroOrm.Servers;
using Xunit;

namespace MicroOrm.Migrations.Tests;

/// <summary>
/// Real processes applying Shop.V3's three migrations (six steps): one killed after each step, before and after the
/// step is recorded, and another run finishing the work; and four started at once. DDL commits on its own, so a
/// killed run leaves a half-applied migration; the history must let the next run finish it, each step once.
/// </summary>
public sealed class InterruptedRunTests(ServerFixture server)
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every step of the three migrations, in the order they run.</summary>
    private static readonly string[] Steps = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"];

    public static TheoryData<string, bool> KillPoints()
    {
        var points = new TheoryData<string, bool>();
        foreach (var step in Steps)
        {
            points.Add(step, false);
            points.Add(step, true);
        }

        return points;
    }

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_run_killed_after_any_step_is_finished_by_the_next_and_the_schema_ends_the_same(string step, bool recorded)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "killed", Ct);
        var point = step + (recorded ? ".recorded" : ".ran");

        await using (var killed = Migrator.Start(scratch.ConnectionString, point))
        {
            await killed.KillWhenPausedAsync();
            Assert.Equal(Steps.TakeWhile(s => s != step).Append(step).ToList(), Ran(killed.Lines));
        }

        await using var next = Migrator.Start(scratch.ConnectionString);
        Assert.True(await next.WaitAsync() == 0, next.Errors);

        // The next run starts at the killed step when it was not recorded (it may have run: running it again finds
        // its change made and counts it done), and after it when it was.
        var from = System.Array.IndexOf(Steps, step) + (recorded ? 1 : 0);
        Assert.Equal(Steps.Skip(from).ToList(), Ran(next.Lines));
        Assert.Equal(await ReferenceSchemaAsync(), await SchemaText.ReadAsync(scratch.ConnectionString));
        Assert.Equal(["1|2|2|1", "2|2|2|1", "3|2|2|1"], await DirectSql.RowsAsync(scratch.ConnectionString,
            "SELECT `version`, `steps`, `steps_done`, `finished_at` IS NOT NULL FROM `microorm_migrations` ORDER BY `version`"));
        Assert.Equal(Steps.Select(s => s.Replace('.', '|')).ToList(), await DirectSql.RowsAsync(scratch.ConnectionString,
            "SELECT `version`, `step` FROM `microorm_migration_steps` ORDER BY `version`, `step`"));
    }

    [Fact]
    public async Task Four_processes_at_once_apply_each_migration_once_and_run_each_step_once()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "four", Ct);
        var runners = Enumerable.Range(0, 4).Select(_ => Migrator.Start(scratch.ConnectionString)).ToList();
        try
        {
            foreach (var runner in runners) Assert.True(await runner.WaitAsync() == 0, runner.Errors);

            var ran = runners.SelectMany(r => Ran(r.Lines)).Order(System.StringComparer.Ordinal).ToList();
            Assert.Equal(Steps, ran);
            Assert.Equal(3, runners.Sum(r => int.Parse(r.Lines.Single(l => l.StartsWith("applied ", System.StringComparison.Ordinal))["applied ".Length..], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(["1|1", "2|1", "3|1"], await DirectSql.RowsAsync(scratch.ConnectionString,
                "SELECT `version`, COUNT(*) FROM `microorm_migrations` GROUP BY `version` ORDER BY `version`"));
            Assert.Equal(6, (await DirectSql.RowsAsync(scratch.ConnectionString, "SELECT 1 FROM `microorm_migration_steps`")).Count);
            Assert.Equal(await ReferenceSchemaAsync(), await SchemaText.ReadAsync(scratch.ConnectionString));
        }
        finally
        {
            foreach (var runner in runners) await runner.DisposeAsync();
        }
    }

    /// <summary>The steps a process said it ran, in order.</summary>
    private static List<string> Ran(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("ran ", System.StringComparison.Ordinal)).Select(l => l["ran ".Length..]).ToList();

    /// <summary>The schema Shop.V3's CreateAsync makes, on a database of its own.</summary>
    private async Task<List<string>> ReferenceSchemaAsync()
    {
        await using var created = await ScratchDatabase.CreateAsync(server.Server, "reference", Ct);
        await using (var db = Shop.V3.ShopDb.Connect(created.ConnectionString)) await db.Schema.CreateAsync(Ct);
        return await SchemaText.ReadAsync(created.ConnectionString);
    }
}
