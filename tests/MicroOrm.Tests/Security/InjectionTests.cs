using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>
/// Every payload of the corpus goes through every public API that takes a user value: query values, IN lists, the
/// LIKE helpers, inserts, bulk updates, every raw SQL hole, run-time sort names and identifiers. Payloads must be
/// stored and read back byte for byte and matched literally; no table may change otherwise; the server's Com_*
/// counters must show exactly the statements MicroOrm meant to send and no other; and none may take a second longer
/// than a plain value. The whole corpus runs again with the session's sql_mode set to NO_BACKSLASH_ESCAPES, then to
/// ANSI_QUOTES, since both change how the server reads quotes and backslashes.
/// </summary>
public sealed class InjectionTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static readonly string[] CountedStatements = ["Com_select", "Com_insert", "Com_update"];

    [Fact]
    public void The_corpus_has_at_least_200_distinct_payloads() => Assert.True(InjectionCorpus.Payloads.Count >= 200, $"{InjectionCorpus.Payloads.Count} payloads");

    [Theory]
    [InlineData("")]
    [InlineData("NO_BACKSLASH_ESCAPES")]
    [InlineData("ANSI_QUOTES")]
    public async Task Every_payload_through_every_api_is_a_plain_value(string sqlMode)
    {
        var ct = TestContext.Current.CancellationToken;
        var run = sqlMode.Length == 0 ? "default" : sqlMode;
        // A session in NO_BACKSLASH_ESCAPES needs the matching connection option, which tells MySqlConnector how the
        // session reads backslashes (BackslashGuardTests shows what happens without it: MicroOrm refuses to send).
        var connectionString = sqlMode == "NO_BACKSLASH_ESCAPES"
            ? new MySqlConnectionStringBuilder(database.ConnectionString) { NoBackslashEscapes = true }.ConnectionString
            : database.ConnectionString;
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (sqlMode.Length > 0)
        {
            await using var set = new MySqlCommand($"SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',{sqlMode}')", connection);
            await set.ExecuteNonQueryAsync(ct);
        }

        // One borrowed connection: every statement runs in this session, so its counters see all of them.
        await using var db = TestDb.FromConnection(connection);
        await db.Products.InsertAsync(new Product { Name = "canary", Category = run }, ct);
        var before = await SnapshotOtherTablesAsync();
        var expected = new Dictionary<string, long> { ["Com_select"] = 0, ["Com_insert"] = 0, ["Com_update"] = 0 };

        var baseline = await TimeAsync(() => RunEveryApiAsync(db, "plain value", run, expected, ct));
        expected = new Dictionary<string, long> { ["Com_select"] = 0, ["Com_insert"] = 0, ["Com_update"] = 0 };
        var countersBefore = await CountersAsync(connection);

        var slowest = TimeSpan.Zero;
        string? slowestPayload = null;
        foreach (var payload in InjectionCorpus.Payloads)
        {
            var elapsed = await TimeAsync(() => RunEveryApiAsync(db, payload, run, expected, ct));
            if (elapsed > slowest) (slowest, slowestPayload) = (elapsed, payload);
        }

        var countersAfter = await CountersAsync(connection);
        foreach (var (name, value) in countersAfter)
        {
            var delta = value - countersBefore.GetValueOrDefault(name);
            if (name == "Com_show_status") continue;
            Assert.True(delta == expected.GetValueOrDefault(name), $"{name} changed by {delta}, expected {expected.GetValueOrDefault(name)} ({run})");
        }

        Assert.True(slowest < baseline + TimeSpan.FromSeconds(1), $"'{slowestPayload}' took {slowest.TotalMilliseconds:0} ms against {baseline.TotalMilliseconds:0} ms for a plain value ({run})");
        Assert.Equal(before, await SnapshotOtherTablesAsync());
        var stored = await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(ct);
        Assert.Equal(["plain value", .. InjectionCorpus.Payloads], stored);
    }

    /// <summary>One payload through every API; <paramref name="expected"/> counts the statements this sends.</summary>
    private static async Task RunEveryApiAsync(TestDb db, string payload, string run, Dictionary<string, long> expected, System.Threading.CancellationToken ct)
    {
        void Sent(string counter, int count = 1) => expected[counter] += count;

        // A command carrying a backslash in a value first checks the session's sql_mode (BackslashGuard): one SELECT.
        void Carries(int commands = 1)
        {
            if (payload.Contains('\\')) expected["Com_select"] += commands;
        }

        // Insert, and read back byte for byte.
        var note = new Note { Text = payload, Run = run };
        await db.Notes.InsertAsync(note, ct);
        Sent("Com_insert");
        Carries();
        Assert.Equal(payload, (await db.Notes.FindAsync(note.Id, ct))!.Text);
        Sent("Com_select");

        // Query values and IN lists.
        Assert.Contains(note.Id, (await db.Notes.Where(n => n.Text == payload && n.Run == run).ToListAsync(ct)).Select(n => n.Id));
        Assert.Contains(note.Id, (await db.Notes.Where(n => n.Text.In(payload, "unrelated") && n.Run == run).ToListAsync(ct)).Select(n => n.Id));
        Sent("Com_select", 2);
        Carries(2);

        // The LIKE helpers match literally: exactly the rows whose text contains the payload, compared byte for byte.
        if (payload.Length > 0)
        {
            var all = await db.Notes.Where(n => n.Run == run).ToListAsync(ct);
            Sent("Com_select");
            await AssertMatches(db.Notes.Where(n => n.Run == run && n.Text.Contains(payload, StringComparison.Ordinal)), all.Where(n => n.Text.Contains(payload, StringComparison.Ordinal)), ct);
            await AssertMatches(db.Notes.Where(n => n.Run == run && n.Text.StartsWith(payload, StringComparison.Ordinal)), all.Where(n => n.Text.StartsWith(payload, StringComparison.Ordinal)), ct);
            await AssertMatches(db.Notes.Where(n => n.Run == run && n.Text.EndsWith(payload, StringComparison.Ordinal)), all.Where(n => n.Text.EndsWith(payload, StringComparison.Ordinal)), ct);
            Sent("Com_select", 3);
            Carries(3);
        }

        // A bulk update that writes the payload, then puts the row back.
        Assert.Equal(1, await db.Notes.Where(n => n.Id == note.Id).UpdateAsync(u => u.Set(n => n.Text, payload + "!"), ct));
        Assert.Equal(payload + "!", (await db.Notes.FindAsync(note.Id, ct))!.Text);
        Assert.Equal(1, await db.Notes.Where(n => n.Id == note.Id && n.Text == payload + "!").UpdateAsync(u => u.Set(n => n.Text, payload), ct));
        Sent("Com_update", 2);
        Sent("Com_select");
        Carries(2);

        // Every raw SQL hole.
        Assert.Contains(note.Id, (await db.QueryAsync<Note>($"SELECT * FROM notes WHERE text = {payload} AND run = {run}", ct)).Select(n => n.Id));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM notes WHERE id IN {new[] { note.Id }} AND text IN {new[] { payload }}", ct));
        Assert.Equal(1, await db.ExecuteAsync($"UPDATE notes SET text = {payload} WHERE id = {note.Id}", ct));
        Sent("Com_select", 2);
        Sent("Com_update");
        Carries(3);

        // Names chosen at run time are refused, or quoted as a name, before anything is sent.
        Assert.Throws<ArgumentException>(() => db.Notes.OrderBy(payload));
        try
        {
            await db.QueryAsync<Note>($"SELECT * FROM notes ORDER BY {Sql.Identifier(payload)}", ct);
            Assert.Fail($"'{payload}' was accepted as a column name");
        }
        catch (ArgumentException)
        {
            // Refused by the identifier check: nothing was sent.
        }
        catch (MicroOrmException error) when (error.ServerErrorCode == 1054)
        {
            // Sent as a quoted name the server does not know: one SELECT, refused.
            Sent("Com_select");
        }
    }

    private static async Task AssertMatches(Query<Note, Note.Columns> query, IEnumerable<Note> expected, System.Threading.CancellationToken ct) =>
        Assert.Equal(expected.Select(n => n.Id).Order(), (await query.ToListAsync(ct)).Select(n => n.Id).Order());

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    private static async Task<Dictionary<string, long>> CountersAsync(MySqlConnection connection)
    {
        var counters = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using var command = new MySqlCommand("SHOW SESSION STATUS LIKE 'Com\\_%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counters[reader.GetString(0)] = long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        return counters;
    }

    private async Task<string> SnapshotOtherTablesAsync() =>
        string.Join("\n", await database.ReadByNameAsync<ProductLine>("SELECT id, name, category FROM products ORDER BY id")) +
        await database.ScalarAsync("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT(id, table_name))), 0)) FROM (SELECT table_name, 0 AS id FROM information_schema.tables WHERE table_schema = DATABASE()) t");
}

[Row]
internal partial record ProductLine(int Id, string Name, string? Category);
