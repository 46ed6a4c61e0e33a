using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Models;

namespace MicroOrm.Tests.Security;

/// <summary>
/// Every public API that takes a user value, as the corpus drives it. Reading APIs search the seed rows (one per
/// payload) and must find exactly the rows the server itself matches by a self-join that carries no value
/// (<see cref="InjectionRun.ServerMatchesAsync"/>), or, for ordinal comparisons, the rows C# matches. Writing APIs write
/// rows of their own, which must then hold the payloads byte for byte.
/// </summary>
internal static class InjectionApis
{
    private const int Batch = 25;

    public static IReadOnlyList<InjectionApi> All { get; } =
    [
        new("InsertAsync", async (r, ct) =>
        {
            foreach (var p in r.Payloads()) await r.SendAsync([p], "Com_insert", 1, () => r.Db.Notes.InsertAsync(new Note { Text = p, Run = r.Tag("InsertAsync") }, ct));
        }, Verify: (r, ct) => r.AssertStoredAsync(r.Tag("InsertAsync"), r.Payloads().Where(r.Accepts), ct)),

        new("InsertManyAsync", async (r, ct) =>
        {
            // The first InsertMany on a database object reads max_allowed_packet and auto_increment_increment, once.
            r.ExpectCommand("Com_select");
            foreach (var batch in r.Batches(Batch))
                await r.SendAsync(batch, "Com_insert", 1, () => r.Db.Notes.InsertManyAsync(batch.Select(p => new Note { Text = p, Run = r.Tag("InsertManyAsync") }), ct));
        }, Verify: (r, ct) => r.AssertStoredAsync(r.Tag("InsertManyAsync"), r.BatchOrder.Where(r.Accepts), ct)),

        new("UpsertAsync", async (r, ct) =>
        {
            var rows = await RowsAsync(r, "UpsertAsync", ct);
            foreach (var (row, p) in rows.Zip(r.Payloads()))
            {
                row.Text = p;
                await r.SendAsync([p], "Com_insert", 1, () => r.Db.Notes.UpsertAsync(row, ct));
            }
        }, Setup: (r, ct) => PlaceholdersAsync(r, "UpsertAsync", ct), Verify: (r, ct) => r.AssertStoredAsync(r.Tag("UpsertAsync"), r.Payloads().Select(Kept(r)), ct)),

        new("UpdateAsync(entity)", async (r, ct) =>
        {
            var rows = await RowsAsync(r, "UpdateAsync(entity)", ct);
            foreach (var (row, p) in rows.Zip(r.Payloads()))
            {
                row.Text = p;
                await r.SendAsync([p], "Com_update", 1, () => r.Db.Notes.UpdateAsync(row, ct));
            }
        }, Setup: (r, ct) => PlaceholdersAsync(r, "UpdateAsync(entity)", ct), Verify: (r, ct) => r.AssertStoredAsync(r.Tag("UpdateAsync(entity)"), r.Payloads().Select(Kept(r)), ct)),

        new("UpdateAsync(bulk)", async (r, ct) =>
        {
            var rows = await RowsAsync(r, "UpdateAsync(bulk)", ct);
            foreach (var (row, p) in rows.Zip(r.Payloads()))
                await r.SendAsync([p], "Com_update", 1, () => r.Db.Notes.Where(n => n.Id == row.Id && n.Text == "x").UpdateAsync(u => u.Set(n => n.Text, p), ct));
        }, Setup: (r, ct) => PlaceholdersAsync(r, "UpdateAsync(bulk)", ct), Verify: (r, ct) => r.AssertStoredAsync(r.Tag("UpdateAsync(bulk)"), r.Payloads().Select(Kept(r)), ct)),

        new("DeleteAsync(entity)", async (r, ct) =>
        {
            // The entity carries the payload, but only its key is sent.
            var rows = await RowsAsync(r, "DeleteAsync(entity)", ct);
            foreach (var row in rows)
            {
                var deleted = (await r.SendAsync([], "Com_delete", 1, () => r.Db.Notes.DeleteAsync(row, ct))).Result;
                r.Check(deleted == 1, "DeleteAsync(entity)", row.Text, $"{deleted} rows deleted");
            }
        }, Setup: (r, ct) => SeedLikeAsync(r, "DeleteAsync(entity)", ct), Verify: (r, ct) => r.AssertStoredAsync(r.Tag("DeleteAsync(entity)"), [], ct)),

        Reading("Where ==", "equal", (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text == p).Select(n => n.Id).ToListAsync(ct)),
        Reading("Between", "equal", (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.Between(p, p)).Select(n => n.Id).ToListAsync(ct)),
        Reading("Like(pattern, escape)", "like", (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.Like(EscapeLike(p), '!')).Select(n => n.Id).ToListAsync(ct)),
        Reading("StartsWith", "starts", (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.StartsWith(p)).Select(n => n.Id).ToListAsync(ct)),
        Reading("Contains", "contains", (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.Contains(p)).Select(n => n.Id).ToListAsync(ct)),
        Reading("StartsWith(Ordinal)", (r, p) => r.SeedWhere(t => t.StartsWith(p, StringComparison.Ordinal)), (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.StartsWith(p, StringComparison.Ordinal)).Select(n => n.Id).ToListAsync(ct)),
        Reading("Contains(Ordinal)", (r, p) => r.SeedWhere(t => t.Contains(p, StringComparison.Ordinal)), (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.Contains(p, StringComparison.Ordinal)).Select(n => n.Id).ToListAsync(ct)),
        Reading("Having", "equal", (r, p, ct) => r.Db.Notes.Where(n => n.Run == r.SeedTag).GroupBy(n => n.Id).Having(n => Aggregates.Max(n.Text) == p).Select(n => n.Id).ToListAsync(ct)),
        Reading("Join.Where", "equal", async (r, p, ct) => (await r.Db.Notes.Join(r.Db.Notes, (a, b) => a.Id == b.Id).Where((a, b) => a.Run == r.SeedTag && b.Text == p).ToListAsync(ct)).Select(x => x.Item2.Id).ToList()),
        Reading("Sql.Format fragment", "equal", (r, p, ct) =>
        {
            var fragment = Sql.Format($"text = {p}");
            return r.Db.QueryValuesAsync<int>($"SELECT id FROM notes WHERE run = {r.SeedTag} AND {fragment}", ct);
        }),
        Reading("QueryAsync", "equal", async (r, p, ct) => (await r.Db.QueryAsync<Note>($"SELECT * FROM notes WHERE run = {r.SeedTag} AND text = {p}", ct)).Select(n => n.Id).ToList()),
        Reading("AsAsyncEnumerable", "equal", async (r, p, ct) =>
        {
            var ids = new List<int>();
            await foreach (var note in r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text == p).AsAsyncEnumerable(ct)) ids.Add(note.Id);
            return ids;
        }),
        Reading("QueryAsAsyncEnumerable", "equal", async (r, p, ct) =>
        {
            var ids = new List<int>();
            await foreach (var note in r.Db.QueryAsAsyncEnumerable<Note>($"SELECT * FROM notes WHERE run = {r.SeedTag} AND text = {p}", ct)) ids.Add(note.Id);
            return ids;
        }),

        new("In", async (r, ct) =>
        {
            var equal = await r.ServerMatchesAsync("equal", ct);
            foreach (var batch in r.Batches(Batch))
            {
                var (sent, ids) = await r.SendAsync(batch, "Com_select", 1, () => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.In(batch)).Select(n => n.Id).ToListAsync(ct));
                if (sent) r.Check(ids!.ToHashSet().SetEquals(Union(r, equal, batch)), "In", batch[0], "wrong rows");
            }
        }),

        new("NotIn", async (r, ct) =>
        {
            var equal = await r.ServerMatchesAsync("equal", ct);
            foreach (var batch in r.Batches(Batch))
            {
                var (sent, ids) = await r.SendAsync(batch, "Com_select", 1, () => r.Db.Notes.Where(n => n.Run == r.SeedTag && n.Text.NotIn(batch)).Select(n => n.Id).ToListAsync(ct));
                var expected = r.Seed.Select(n => n.Id).Except(Union(r, equal, batch)).ToHashSet();
                if (sent) r.Check(ids!.ToHashSet().SetEquals(expected), "NotIn", batch[0], "wrong rows");
            }
        }),

        new("ExecuteScalarAsync", async (r, ct) =>
        {
            // The value read straight back: HEX of what the server received.
            foreach (var p in r.Payloads())
            {
                var (sent, hex) = await r.SendAsync([p], "Com_select", 1, () => r.Db.ExecuteScalarAsync<string>($"SELECT HEX({p})", ct));
                if (sent) r.Check(hex == InjectionRun.Hex(p), "ExecuteScalarAsync", p, $"HEX {hex}");
            }
        }),

        new("ExecuteAsync", async (r, ct) =>
        {
            var rows = await RowsAsync(r, "ExecuteAsync", ct);
            foreach (var (row, p) in rows.Zip(r.Payloads()))
                await r.SendAsync([p], "Com_update", 1, () => r.Db.ExecuteAsync($"UPDATE notes SET text = {p} WHERE id = {row.Id}", ct));
        }, Setup: (r, ct) => PlaceholdersAsync(r, "ExecuteAsync", ct), Verify: (r, ct) => r.AssertStoredAsync(r.Tag("ExecuteAsync"), r.Payloads().Select(Kept(r)), ct)),

        new("QueryMultipleAsync", async (r, ct) =>
        {
            // Two statements per payload in one command: the rows it matches, then the HEX of the value itself.
            var equal = await r.ServerMatchesAsync("equal", ct);
            foreach (var batch in r.Batches(Batch))
            {
                var sql = Sql.Format($"SELECT id FROM notes WHERE run = {r.SeedTag} AND text = {batch[0]}; SELECT HEX({batch[0]})");
                foreach (var p in batch.Skip(1)) sql = Sql.Format($"{sql}; SELECT id FROM notes WHERE run = {r.SeedTag} AND text = {p}; SELECT HEX({p})");
                var (sent, sets) = await r.SendAsync(batch, "Com_select", 2 * batch.Length, async () =>
                {
                    await using var results = await r.Db.QueryMultipleAsync($"{sql}", ct);
                    var read = new List<(List<int>, string)>();
                    foreach (var _ in batch) read.Add((await results.ReadValuesAsync<int>(ct), await results.ReadScalarAsync<string>(ct)));
                    return read;
                });
                if (!sent) continue;
                foreach (var (p, (ids, hex)) in batch.Zip(sets!))
                {
                    r.Check(ids.ToHashSet().SetEquals(equal[Index(p)]), "QueryMultipleAsync", p, "wrong rows");
                    r.Check(hex == InjectionRun.Hex(p), "QueryMultipleAsync", p, $"HEX {hex}");
                }
            }
        }),

        new("OrderBy(name), Sql.Identifier", async (r, ct) =>
        {
            // Names chosen at run time are refused, or quoted as a name the server does not know, before anything else is sent.
            foreach (var p in r.Payloads())
            {
                try
                {
                    r.Db.Notes.OrderBy(p);
                    r.Check(false, "OrderBy(name)", p, "accepted as a column name");
                }
                catch (ArgumentException)
                {
                }

                try
                {
                    await r.Db.QueryAsync<Note>($"SELECT * FROM notes ORDER BY {Sql.Identifier(p)}", ct);
                    r.Check(false, "Sql.Identifier", p, "accepted as a column name");
                }
                catch (ArgumentException)
                {
                }
                catch (MicroOrmException error) when (error.ServerErrorCode == 1054)
                {
                    r.ExpectCommand("Com_select");
                }
            }
        }),
    ];

    public static string Names => string.Join(", ", All.Select(a => a.Name));

    private static IEnumerable<string> Payloads(this InjectionRun run) => InjectionRun.Payloads;

    private static int Index(string payload) => IndexOf[payload];

    private static readonly Dictionary<string, int> IndexOf = InjectionCorpus.Payloads.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);

    private static HashSet<int> Union(InjectionRun run, Dictionary<int, HashSet<int>> matches, IEnumerable<string> batch) =>
        batch.SelectMany(p => matches[Index(p)]).ToHashSet();

    /// <summary>What a row written with the payload holds: the payload, or the placeholder when the write had to be refused.</summary>
    private static Func<string, string> Kept(InjectionRun run) => p => run.Accepts(p) ? p : "x";

    private static string EscapeLike(string text) => text.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);

    /// <summary>A reading API whose rows for each payload must be the server's own matches of <paramref name="kind"/>.</summary>
    private static InjectionApi Reading(string name, string kind, Func<InjectionRun, string, CancellationToken, Task<List<int>>> query) =>
        new(name, async (r, ct) =>
        {
            var matches = await r.ServerMatchesAsync(kind, ct);
            await ReadEachAsync(r, name, (_, p) => matches[Index(p)], query, ct);
        });

    /// <summary>A reading API whose rows for each payload must be those C# matches.</summary>
    private static InjectionApi Reading(string name, Func<InjectionRun, string, HashSet<int>> expected, Func<InjectionRun, string, CancellationToken, Task<List<int>>> query) =>
        new(name, (r, ct) => ReadEachAsync(r, name, expected, query, ct));

    private static async Task ReadEachAsync(InjectionRun r, string name, Func<InjectionRun, string, HashSet<int>> expected, Func<InjectionRun, string, CancellationToken, Task<List<int>>> query, CancellationToken ct)
    {
        foreach (var p in r.Payloads())
        {
            var (sent, ids) = await r.SendAsync([p], "Com_select", 1, () => query(r, p, ct));
            if (sent) r.Check(ids!.ToHashSet().SetEquals(expected(r, p)), name, p, $"{ids!.Count} rows, expected {expected(r, p).Count}");
        }
    }

    /// <summary>One placeholder row ("x") per payload for a writing API to overwrite, written before its statements are counted.</summary>
    private static async Task PlaceholdersAsync(InjectionRun run, string api, CancellationToken ct)
    {
        await using var setup = TestDb.Connect(run.SetupConnectionString);
        await setup.Notes.InsertManyAsync(InjectionRun.Payloads.Select(_ => new Note { Text = "x", Run = run.Tag(api) }), ct);
    }

    /// <summary>One row per payload, holding it, for a deleting API.</summary>
    private static async Task SeedLikeAsync(InjectionRun run, string api, CancellationToken ct)
    {
        await using var setup = TestDb.Connect(run.SetupConnectionString);
        await setup.Notes.InsertManyAsync(InjectionRun.Payloads.Select(p => new Note { Text = p, Run = run.Tag(api) }), ct);
    }

    /// <summary>The API's own rows, read inside its counted window: one SELECT.</summary>
    private static Task<List<Note>> RowsAsync(InjectionRun run, string api, CancellationToken ct)
    {
        run.ExpectCommand("Com_select");
        return run.Db.QueryAsync<Note>($"SELECT * FROM notes WHERE run = {run.Tag(api)} ORDER BY id", ct);
    }
}
