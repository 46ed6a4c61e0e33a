using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Tests;

/// <summary>One thin path through every layer: model, generated code, runtime, real server, objects.</summary>
public sealed class WalkingSkeletonTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Schema_is_created_from_the_models_and_rows_read_back_as_objects()
    {
        await using var db = AppDb.Connect(database.ConnectionString);
        await db.Schema.CreateAsync(TestContext.Current.CancellationToken);
        await database.ExecuteAsync(
            "INSERT INTO states (name, created_at, updated_at) VALUES ('California', '2024-01-02 03:04:05.123456', NOW(6)), ('Arizona', NOW(6), NOW(6))");

        var states = await db.States.ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["California", "Arizona"], states.OrderBy(s => s.Id).Select(s => s.Name));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(1234560), states.Single(s => s.Name == "California").CreatedAt);
    }

    [Fact]
    public async Task Schema_creates_tables_in_dependency_order_and_drops_them_in_reverse()
    {
        await using var db = AppDb.Connect(database.ConnectionString);
        Assert.Equal(["states", "cities", "users", "addresses"], db.Schema.Tables.Select(t => t.Name));

        await db.Schema.CreateAsync(TestContext.Current.CancellationToken);
        await db.Schema.DropAsync(TestContext.Current.CancellationToken);

        var remaining = await database.ScalarAsync($"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{database.DatabaseName}'");
        Assert.Equal(0L, Convert.ToInt64(remaining));
    }
}
