using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MicroOrm.Tests.Types;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>
/// <c>BulkInsertAsync</c> through <c>LOAD DATA LOCAL INFILE</c>: every supported type arrives as an INSERT would store
/// it; rows stream from a list or an async sequence; a taken key fails the load (or is skipped, or replaced, as asked),
/// and a bad row, a value the server would cut, or a failed load leaves none of its rows; a connection string or a
/// server that does not allow the load gets an error naming the setting, or multi-row INSERTs when the caller asked.
/// </summary>
public sealed class BulkInsertTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_supported_type_arrives_as_an_insert_would_store_it()
    {
        await using var db = Connect();
        var samples = new[] { AllTypesSamples.Minimum(), AllTypesSamples.Maximum(), AllTypesSamples.Typical(), AllTypesSamples.WithNullablesSet() };
        for (var i = 0; i < samples.Length; i++) samples[i].Id = 900_000 + i;
        var generated = AllTypesSamples.Typical();
        generated.Id = 0;

        var rows = await db.AllTypes.BulkInsertAsync([.. samples, generated], cancellationToken: Ct);

        Assert.Equal(5, rows);
        foreach (var sample in samples) AllTypesAssert.Equal(sample, (await db.AllTypes.FindAsync(sample.Id, Ct))!);
        // A row without a key gets one from the server (not read back into the object).
        Assert.Equal(0, generated.Id);
        Assert.Equal(5, await db.AllTypes.CountAsync(Ct));
    }

    [Fact]
    public async Task Rows_stream_from_an_async_sequence_and_the_sync_form_loads_a_list()
    {
        await using var db = Connect();
        var run = Unique("stream");

        var streamed = await db.Notes.BulkInsertAsync(Notes(run, 20_000, Ct), cancellationToken: Ct);
        var listed = db.Notes.BulkInsert(Enumerable.Range(0, 100).Select(i => new Note { Text = "sync " + i, Run = run }));

        Assert.Equal((20_000, 100), (streamed, listed));
        Assert.Equal(20_100, await db.Notes.CountAsync(n => n.Run == run, Ct));
    }

    [Fact]
    public async Task A_taken_key_fails_the_whole_load_unless_the_options_skip_or_replace_it()
    {
        await using var db = Connect();
        var run = Unique("conflict");
        await db.Notes.InsertAsync(new Note { Id = -700_001, Text = "old", Run = run }, Ct);
        List<Note> Load() => [new() { Id = -700_000, Text = "new", Run = run }, new() { Id = -700_001, Text = "new", Run = run }, new() { Id = -700_002, Text = "new", Run = run }];

        var failed = await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.BulkInsertAsync(Load(), cancellationToken: Ct));
        Assert.Contains("3 rows were copied", failed.Message);
        Assert.Equal(["old"], await Texts(db, run));

        Assert.Equal(2, await db.Notes.BulkInsertAsync(Load(), new BulkInsertOptions { Conflict = BulkConflict.Ignore }, Ct));
        Assert.Equal(["new", "new", "old"], await Texts(db, run));

        await db.Notes.BulkInsertAsync([new Note { Id = -700_001, Text = "replaced", Run = run }], new BulkInsertOptions { Conflict = BulkConflict.Replace }, Ct);
        Assert.Equal(["new", "new", "replaced"], await Texts(db, run));
    }

    [Fact]
    public async Task A_bad_row_in_the_middle_of_the_stream_leaves_none_of_the_load()
    {
        await using var db = Connect();
        var run = Unique("bad-row");
        var rows = Enumerable.Range(0, 5_000).Select(i => new Note { Text = i == 3_000 ? new string('x', 1001) : "ok", Run = run });

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => db.Notes.BulkInsertAsync(rows, cancellationToken: Ct));

        Assert.Equal("Text", Assert.Single(invalid.Errors).Member);
        Assert.Equal(0, await db.Notes.CountAsync(n => n.Run == run, Ct));
    }

    [Fact]
    public async Task A_value_the_server_would_cut_fails_the_load_naming_the_warning_and_keeps_nothing()
    {
        await using var db = Connect();
        // The server's column is narrower than the model's (a schema that drifted): the load would cut the value.
        await database.ExecuteAsync("ALTER TABLE placements MODIFY item VARCHAR(3) NOT NULL");
        try
        {
            var cut = await Assert.ThrowsAsync<MicroOrmException>(() =>
                db.Placements.BulkInsertAsync([new Placement { Shelf = 1, Slot = 1, Item = "ok" }, new Placement { Shelf = 1, Slot = 2, Item = "too long" }], cancellationToken: Ct));

            Assert.Equal(1265, cut.ServerErrorCode);
            Assert.Contains("drew 1 warning(s) from the server (1265)", cut.Message);
            Assert.DoesNotContain("too long", cut.Message);
            Assert.Equal(0, await db.Placements.CountAsync(Ct));
        }
        finally
        {
            await database.ExecuteAsync("ALTER TABLE placements MODIFY item VARCHAR(40) NOT NULL");
        }
    }

    [Fact]
    public async Task A_connection_string_without_local_infile_is_named_or_the_rows_go_in_inserts_when_asked()
    {
        await using var db = TestDb.Connect(new MySqlConnectionStringBuilder(database.ConnectionString) { AllowLoadLocalInfile = false }.ConnectionString);
        var run = Unique("client");

        var refused = await Assert.ThrowsAsync<BulkLoadRefusedException>(() => db.Notes.BulkInsertAsync(Notes(run, 3, Ct), cancellationToken: Ct));
        var inserted = await db.Notes.BulkInsertAsync(Notes(run, 3, Ct), new BulkInsertOptions { FallbackToInsert = true }, Ct);

        Assert.False(refused.ByServerSetting);
        Assert.Contains("add AllowLoadLocalInfile=true", refused.Message);
        Assert.Equal(3, inserted);
        Assert.Equal(3, await db.Notes.CountAsync(n => n.Run == run, Ct));
    }

    [Fact]
    public async Task A_server_without_local_infile_is_named_or_the_rows_go_in_inserts_ignoring_taken_keys_when_asked()
    {
        await using var db = Connect();
        var run = Unique("server");
        await db.Notes.InsertAsync(new Note { Id = -710_001, Text = "old", Run = run }, Ct);
        await database.ExecuteAsync("SET GLOBAL local_infile = 0");
        try
        {
            var refused = await Assert.ThrowsAsync<BulkLoadRefusedException>(() => db.Notes.BulkInsertAsync(Notes(run, 3, Ct), cancellationToken: Ct));
            var inserted = await db.Notes.BulkInsertAsync(
                [new Note { Id = -710_000, Text = "new", Run = run }, new Note { Id = -710_001, Text = "new", Run = run }],
                new BulkInsertOptions { FallbackToInsert = true, Conflict = BulkConflict.Ignore },
                Ct);

            Assert.True(refused.ByServerSetting);
            Assert.Contains("set global local_infile = ON", refused.Message);
            Assert.Equal(1, inserted);
            Assert.Equal(["new", "old"], await Texts(db, run));
        }
        finally
        {
            await database.ExecuteAsync("SET GLOBAL local_infile = 1");
        }
    }

    [Fact]
    public async Task A_tenant_s_load_fills_the_tenant_and_refuses_another_one()
    {
        await using var root = Connect();
        var db = root.ForTenant(5);
        var name = Unique("tenant");

        await db.Projects.BulkInsertAsync([new Project { Name = name }, new Project { Name = name }], cancellationToken: Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.BulkInsertAsync([new Project { Name = name }, new Project { Name = name, TenantId = 6 }], cancellationToken: Ct));

        Assert.Equal(2, await db.Projects.CountAsync(p => p.Name == name, Ct));
        Assert.Equal(2, await root.Projects.IgnoreQueryFilters(QueryFilter.Tenant).CountAsync(p => p.Name == name, Ct));
    }

    private TestDb Connect() => TestDb.Connect(new MySqlConnectionStringBuilder(database.ConnectionString) { AllowLoadLocalInfile = true }.ConnectionString);

    private static async IAsyncEnumerable<Note> Notes(string run, int count, [EnumeratorCancellation] System.Threading.CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 5_000 == 0) await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Note { Text = "row " + i, Run = run };
        }
    }

    private static async Task<List<string>> Texts(TestDb db, string run) =>
        (await db.Notes.Where(n => n.Run == run).Select(n => n.Text).ToListAsync(Ct)).Order(StringComparer.Ordinal).ToList();

    private static string Unique(string label) => label + "-" + Guid.NewGuid().ToString("N")[..12];
}
