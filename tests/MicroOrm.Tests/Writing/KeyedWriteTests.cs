using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>
/// Writes of entities whose AUTO_INCREMENT key is already set (one read from the table, or chosen by the caller) keep
/// that key: an upsert updates that row, an insert sends it. Each runs on the pooled path and inside a transaction;
/// the rows are read back with plain SQL through MySqlConnector, the oracle.
/// </summary>
public sealed class KeyedWriteTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<bool> Paths => new() { false, true };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_upsert_of_an_entity_read_from_the_table_updates_that_row(bool inTransaction)
    {
        var run = Run(inTransaction);
        await using var db = database.Connect();
        var seeded = new Note { Text = "10", Run = run };
        await db.Notes.InsertAsync(seeded, Ct);

        await InAsync(db, inTransaction, async () =>
        {
            var note = (await db.Notes.FindAsync(seeded.Id, Ct))!;
            note.Text = "11";
            await db.Notes.UpsertAsync(note, Ct);
            Assert.Equal(seeded.Id, note.Id);
        });

        Assert.Equal([$"{seeded.Id}|11"], await RowsAsync(run));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_upsert_with_a_chosen_key_that_is_free_inserts_a_row_with_that_key(bool inTransaction)
    {
        var run = Run(inTransaction);
        await using var db = database.Connect();
        var chosen = 1_000_000 + (inTransaction ? 1 : 0);

        await InAsync(db, inTransaction, () => db.Notes.UpsertAsync(new Note { Id = chosen, Text = "chosen", Run = run }, Ct));

        Assert.Equal([$"{chosen}|chosen"], await RowsAsync(run));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_upsert_with_a_zero_key_inserts_and_fills_the_generated_key(bool inTransaction)
    {
        var run = Run(inTransaction);
        await using var db = database.Connect();
        var note = new Note { Text = "new", Run = run };

        await InAsync(db, inTransaction, () => db.Notes.UpsertAsync(note, Ct));

        Assert.True(note.Id > 0);
        Assert.Equal([$"{note.Id}|new"], await RowsAsync(run));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_upsert_matching_a_unique_key_updates_that_row_and_fills_its_key(bool inTransaction)
    {
        var name = "unique-" + Run(inTransaction);
        await using var db = database.Connect();
        var first = new Counter(name) { Value = 1 };
        await db.Counters.InsertAsync(first, Ct);
        var again = new Counter(name) { Value = 2 };

        await InAsync(db, inTransaction, () => db.Counters.UpsertAsync(again, Ct));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal($"{first.Id}|2", await database.ScalarAsync($"SELECT GROUP_CONCAT(CONCAT(id, '|', value)) FROM counters WHERE name = '{name}'"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_insert_with_a_chosen_key_sends_it_and_a_taken_key_is_a_duplicate_not_a_second_row(bool inTransaction)
    {
        var run = Run(inTransaction);
        await using var db = database.Connect();
        var chosen = 2_000_000 + (inTransaction ? 1 : 0);
        var note = new Note { Id = chosen, Text = "first", Run = run };

        await InAsync(db, inTransaction, () => db.Notes.InsertAsync(note, Ct));
        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.InsertAsync(new Note { Id = chosen, Text = "second", Run = run }, Ct));

        Assert.Equal(chosen, note.Id);
        Assert.Equal(1062, error.ServerErrorCode);
        Assert.Equal([$"{chosen}|first"], await RowsAsync(run));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task InsertMany_sends_the_keys_that_are_set_and_generates_the_others(bool inTransaction)
    {
        var run = Run(inTransaction);
        await using var db = database.Connect();
        var chosen = 3_000_000 + (inTransaction ? 10 : 0);
        var notes = new List<Note>
        {
            new() { Text = "generated 1", Run = run },
            new() { Id = chosen, Text = "chosen 1", Run = run },
            new() { Text = "generated 2", Run = run },
            new() { Id = chosen + 1, Text = "chosen 2", Run = run },
        };

        await InAsync(db, inTransaction, () => db.Notes.InsertManyAsync(notes, Ct));

        Assert.Equal([chosen, chosen + 1], new[] { notes[1].Id, notes[3].Id });
        Assert.True(notes[0].Id > 0 && notes[2].Id > notes[0].Id);
        Assert.Equal(notes.OrderBy(n => n.Id).Select(n => $"{n.Id}|{n.Text}"), await RowsAsync(run));
    }

    private static string Run(bool inTransaction) => (inTransaction ? "tx-" : "pool-") + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Runs <paramref name="write"/> on the pooled path, or inside a transaction that then commits.</summary>
    private static async Task InAsync(TestDb db, bool inTransaction, Func<Task> write)
    {
        if (!inTransaction)
        {
            await write();
            return;
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
        await write();
        await transaction.CommitAsync(Ct);
    }

    private async Task<string[]> RowsAsync(string run) =>
        ((string?)await database.ScalarAsync($"SELECT GROUP_CONCAT(CONCAT(id, '|', text) ORDER BY id SEPARATOR '\\n') FROM notes WHERE run = '{run}'"))?.Split('\n') ?? [];
}
