using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>
/// Optimistic concurrency with a [ConcurrencyToken] version: a stale entity cannot be saved or deleted over a newer
/// row, every kind of update moves the version on, and a unit of work that conflicts runs again on fresh data, so 50
/// workers adding 200 each to one counter end at exactly 10,000.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class ConcurrencyTokenTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_a_stale_entity_throws_and_writes_nothing_and_a_fresh_save_moves_the_version_on()
    {
        await using var db = database.Connect();
        var tally = new Tally { Name = Unique() };
        await db.Tallies.InsertAsync(tally, Ct);
        var mine = (await db.Tallies.FindAsync(tally.Id, Ct))!;
        var theirs = (await db.Tallies.FindAsync(tally.Id, Ct))!;

        theirs.Total = 5;
        await db.Tallies.UpdateAsync(theirs, Ct);
        mine.Total = 7;
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => db.Tallies.UpdateAsync(mine, Ct));

        Assert.Equal(("Tally", "tallies", "version"), (conflict.EntityName, conflict.Table, conflict.Column));
        Assert.Contains("changed or deleted by another writer since it was read", conflict.Message, StringComparison.Ordinal);
        var stored = (await db.Tallies.FindAsync(tally.Id, Ct))!;
        Assert.Equal((5L, 1, 1), (stored.Total, stored.Version, theirs.Version));
        Assert.Equal(0, mine.Version);
    }

    [Fact]
    public async Task Deleting_a_stale_entity_throws_and_leaves_the_row()
    {
        await using var db = database.Connect();
        var tally = new Tally { Name = Unique() };
        await db.Tallies.InsertAsync(tally, Ct);
        await db.Tallies.Where(t => t.Id == tally.Id).UpdateAsync(u => u.Increment(t => t.Total, 1), Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => db.Tallies.DeleteAsync(tally, Ct));

        var stored = (await db.Tallies.FindAsync(tally.Id, Ct))!;
        Assert.Equal((1L, 1), (stored.Total, stored.Version));
        Assert.Equal(1, await db.Tallies.DeleteAsync(stored, Ct));
        Assert.Null(await db.Tallies.FindAsync(tally.Id, Ct));
    }

    [Fact]
    public async Task An_upsert_moves_the_version_on_when_it_updates()
    {
        await using var db = database.Connect();
        var tally = new Tally { Name = Unique() };
        await db.Tallies.InsertAsync(tally, Ct);

        // The same unique name: the upsert updates the row.
        await db.Tallies.UpsertAsync(new Tally { Name = tally.Name, Total = 3 }, Ct);

        Assert.Equal(1, (await db.Tallies.FindAsync(tally.Id, Ct))!.Version);
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.Tallies.UpdateAsync(tally, Ct));
    }

    [Fact]
    public async Task Fifty_workers_adding_two_hundred_each_through_units_of_work_end_at_exactly_ten_thousand()
    {
        var options = new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            MaximumPoolSize = 60,
            Retry = { MaxAttempts = 1000, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalTime = TimeSpan.FromMinutes(5) },
        };
        await using var db = TestDb.Connect(options);
        var counter = new Tally { Name = Unique() };
        await db.Tallies.InsertAsync(counter, Ct);
        var attempts = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await db.RunInTransactionAsync(async (tx, ct) =>
                {
                    Interlocked.Increment(ref attempts);
                    var current = (await db.Tallies.FindAsync(counter.Id, ct))!;
                    current.Total++;
                    await db.Tallies.UpdateAsync(current, ct);
                }, cancellationToken: Ct);
            }
        }, Ct)));

        var final = (await db.Tallies.FindAsync(counter.Id, Ct))!;
        Assert.Equal(10_000L, final.Total);
        Assert.Equal(10_000, final.Version);
        Assert.True(attempts > 10_000, $"{attempts} attempts: the workers never conflicted, so the test proved nothing");
    }

    private static string Unique() => "tally-" + Guid.NewGuid().ToString("N")[..10];
}
