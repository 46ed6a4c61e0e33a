using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>
/// One pass of the corpus through every API (<see cref="InjectionApis"/>) on one database object in one sql_mode.
/// Each API's statements are counted by the server and compared with those it is expected to send; every row outside
/// the API's own rows is compared before and after; what an API writes is compared byte for byte (as HEX) with the
/// payloads.
/// </summary>
internal sealed class InjectionRun
{
    private readonly InjectionServerFixture _server;
    private readonly Dictionary<string, long> _expected = new();
    private readonly Dictionary<(string Seed, string Kind), Dictionary<int, HashSet<int>>> _oracles = new();

    public InjectionRun(InjectionServerFixture server, TestDb db, string label, bool guardAsksEveryCommand, bool refusesBackslashes, bool leasesPerCommand)
    {
        LeasesPerCommand = leasesPerCommand;
        _server = server;
        SetupConnectionString = server.ConnectionString;
        Db = db;
        Label = label;
        GuardAsksEveryCommand = guardAsksEveryCommand;
        RefusesBackslashes = refusesBackslashes;
    }

    public TestDb Db { get; }

    /// <summary>A pool that agrees with the server, for rows written before an API's statements are counted.</summary>
    public string SetupConnectionString { get; }

    /// <summary>The slowest single command, and its payload: a time-based payload that ran would show here.</summary>
    public (TimeSpan Elapsed, string Payload) Slowest { get; private set; }

    /// <summary>Names the run in tags and messages: mode and path, e.g. "nbe.pooled".</summary>
    public string Label { get; }

    /// <summary>A borrowed connection's guard reads the session's sql_mode before each command carrying a backslash; a pool's reads it once per session.</summary>
    public bool GuardAsksEveryCommand { get; }

    /// <summary>The session's sql_mode disagrees with the connection string: every command carrying a backslash must be refused, unsent.</summary>
    public bool RefusesBackslashes { get; }

    /// <summary>
    /// Each command leases a session from the pool, which MySqlConnector resets first: a COM_RESET_CONNECTION
    /// (Com_admin_commands) and the one SET it sends after it (Com_set_option). Not so on a borrowed connection or
    /// inside a transaction, which keep their session.
    /// </summary>
    public bool LeasesPerCommand { get; }

    public static IReadOnlyList<string> Payloads => InjectionCorpus.Payloads;

    /// <summary>The seed rows, one per payload in corpus order, that the reading APIs search.</summary>
    public List<Note> Seed { get; } = new();

    /// <summary>Writes the seed rows through a pool that agrees with the server, before any API runs.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var setup = TestDb.Connect(SetupConnectionString);
        Seed.AddRange(Payloads.Select(p => new Note { Text = p, Run = SeedTag }));
        await setup.Notes.InsertManyAsync(Seed, ct);
        foreach (var kind in new[] { "equal", "like", "starts", "contains" }) await ServerMatchesAsync(kind, ct);
    }

    /// <summary>Removes the run's rows, so the next run's snapshots stay small.</summary>
    public async Task CleanUpAsync(CancellationToken ct)
    {
        await Db.ExecuteAsync($"DELETE FROM notes WHERE run LIKE {Label + ".%"}", ct);
    }

    public string SeedTag => Label + ".seed";

    public string Tag(string api) => Label + "." + api;

    public long StatementsCounted { get; private set; }

    public long ExtraStatements { get; private set; }

    public long RowsChanged { get; private set; }

    public List<string> Failures { get; } = new();

    /// <summary>Time spent in each API's counted window.</summary>
    public Dictionary<string, TimeSpan> Timings { get; } = new();

    public bool Accepts(string value) => !(RefusesBackslashes && Escaped(value));

    /// <summary>Whether MySqlConnector writes the value with a backslash escape (a backslash, or NUL as \0): what the guard checks.</summary>
    public static bool Escaped(string value) => value.AsSpan().IndexOfAny('\\', '\0') >= 0;

    /// <summary>
    /// Payloads in groups of at most <paramref name="size"/>; where backslashes are refused, groups with and without a
    /// backslash are kept apart, so a group is refused whole or accepted whole.
    /// </summary>
    public IEnumerable<string[]> Batches(int size) =>
        Payloads.Where(Accepts).Chunk(size).Concat(Payloads.Where(p => !Accepts(p)).Chunk(size));

    /// <summary>Payloads in the order <see cref="Batches"/> sends them.</summary>
    public IEnumerable<string> BatchOrder => Batches(int.MaxValue).SelectMany(b => b);

    /// <summary>
    /// Sends one command whose values are <paramref name="values"/> and which the server counts as
    /// <paramref name="statements"/> statements of kind <paramref name="counter"/>. Returns the result, or default when
    /// the command had to be refused (and then checks that it was).
    /// </summary>
    public async Task<(bool Sent, T? Result)> SendAsync<T>(IEnumerable<string> values, string counter, int statements, Func<Task<T>> command)
    {
        var carries = values.Any(Escaped);
        Lease();
        if (carries && GuardAsksEveryCommand) Expect("Com_select");
        if (carries && RefusesBackslashes)
        {
            var error = await Assert.ThrowsAsync<MicroOrmException>(command);
            Assert.Contains("Nothing was sent", error.Message, StringComparison.Ordinal);
            return (false, default);
        }

        Expect(counter, statements);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await command();
        if (clock.Elapsed > Slowest.Elapsed) Slowest = (clock.Elapsed, string.Join(" | ", values));
        return (true, result);
    }

    public Task SendAsync(IEnumerable<string> values, string counter, int statements, Func<Task> command) =>
        SendAsync(values, counter, statements, async () =>
        {
            await command();
            return 0;
        });

    /// <summary>A command of the run's own, outside <see cref="SendAsync{T}"/>: its statements and its lease.</summary>
    public void ExpectCommand(string counter, int statements = 1)
    {
        Lease();
        Expect(counter, statements);
    }

    private void Lease()
    {
        if (!LeasesPerCommand) return;
        Expect("Com_admin_commands");
        Expect("Com_set_option");
    }

    public void Expect(string counter, int statements = 1) => _expected[counter] = _expected.GetValueOrDefault(counter) + statements;

    /// <summary>Runs one API over the corpus and checks statements, untouched rows and written rows.</summary>
    public async Task RunAsync(InjectionApi api, CancellationToken ct)
    {
        var ownTag = Tag(api.Name);
        if (api.Setup is not null) await api.Setup(this, ct);
        var rowsBefore = await SnapshotAsync(ownTag, ct);
        _expected.Clear();
        var countersBefore = await _server.CountersAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await api.Run(this, ct);
        Timings[api.Name] = clock.Elapsed;

        var countersAfter = await _server.CountersAsync();
        foreach (var name in countersAfter.Keys.Union(_expected.Keys))
        {
            var delta = countersAfter.GetValueOrDefault(name) - countersBefore.GetValueOrDefault(name);
            var expected = _expected.GetValueOrDefault(name);
            StatementsCounted += delta;
            if (delta == expected) continue;
            ExtraStatements += Math.Abs(delta - expected);
            Failures.Add($"{Label} {api.Name}: {name} changed by {delta}, expected {expected}");
        }

        var rowsAfter = await SnapshotAsync(ownTag, ct);
        var changed = rowsBefore.Keys.Union(rowsAfter.Keys).Count(id => rowsBefore.GetValueOrDefault(id) != rowsAfter.GetValueOrDefault(id));
        RowsChanged += changed;
        if (changed > 0) Failures.Add($"{Label} {api.Name}: {changed} rows changed outside its own");
        if (api.Verify is not null) await api.Verify(this, ct);
        // Through the run's own session: inside a transaction, another session would wait for its row locks.
        await Db.ExecuteAsync($"DELETE FROM notes WHERE run = {ownTag}", ct);
    }

    /// <summary>Every row but <paramref name="ownTag"/>'s in the database's tables, and the list of tables, as text keyed by table and id.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(string ownTag, CancellationToken ct)
    {
        var rows = new Dictionary<string, string>();
        foreach (var (id, row) in await Db.QueryAsync<int, string>($"SELECT id, CONCAT_WS(',', run, HEX(text)) FROM notes WHERE run <> {ownTag}", ct)) rows["notes " + id] = row;
        foreach (var (id, row) in await Db.QueryAsync<int, string>($"SELECT id, CONCAT_WS(',', HEX(name), HEX(category), price, stock) FROM products", ct)) rows["products " + id] = row;
        rows["tables"] = string.Join(" ", await Db.QueryValuesAsync<string>($"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name", ct));
        return rows;
    }

    /// <summary>Asserts that <paramref name="tag"/>'s rows hold exactly <paramref name="expected"/>, byte for byte, in id order.</summary>
    public async Task AssertStoredAsync(string tag, IEnumerable<string> expected, CancellationToken ct)
    {
        var stored = await Db.QueryValuesAsync<string>($"SELECT HEX(text) FROM notes WHERE run = {tag} ORDER BY id", ct);
        var want = expected.Select(Hex).ToList();
        if (!want.SequenceEqual(stored)) Failures.Add($"{Label} {tag}: stored {stored.Count} values, {want.Zip(stored).Count(p => p.First != p.Second) + Math.Abs(want.Count - stored.Count)} differ from the payloads' bytes");
    }

    public void Check(bool ok, string api, string payload, string what)
    {
        if (!ok) Failures.Add($"{Label} {api}: {what} for payload [{payload}]");
    }

    public static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// For each seed row, the seed rows the server itself matches to its text, computed by a self-join in SQL that
    /// never carries a payload as a value: <paramref name="kind"/> is "equal", "like", "starts" or "contains", the
    /// last three with the text's wildcards escaped by '!'. Keyed by the payload's index in the corpus.
    /// </summary>
    public async Task<Dictionary<int, HashSet<int>>> ServerMatchesAsync(string kind, CancellationToken ct)
    {
        if (_oracles.TryGetValue((SeedTag, kind), out var known)) return known;
        var oracle = await _server.ServerMatchesAsync(SeedTag, kind, ct);
        var index = Seed.Select((note, i) => (note.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var result = Enumerable.Range(0, Seed.Count).ToDictionary(i => i, _ => new HashSet<int>());
        foreach (var (a, b) in oracle) result[index[a]].Add(b);
        _oracles[(SeedTag, kind)] = result;
        return result;
    }

    /// <summary>The seed rows whose text satisfies <paramref name="match"/>, by C#'s own string comparison.</summary>
    public HashSet<int> SeedWhere(Func<string, bool> match) => Seed.Where(n => match(n.Text)).Select(n => n.Id).ToHashSet();
}

/// <summary>One API that takes a user value: what it does with the corpus, and how its results and writes are checked.</summary>
internal sealed record InjectionApi(
    string Name,
    Func<InjectionRun, CancellationToken, Task> Run,
    Func<InjectionRun, CancellationToken, Task>? Setup = null,
    Func<InjectionRun, CancellationToken, Task>? Verify = null);
