using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Api;

/// <summary>
/// Each operation run asynchronously and synchronously, on identical data: both forms give the same result, send the
/// same SQL (compared statement by statement through the telemetry), and fail with the same error.
/// </summary>
public sealed class SyncParityTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    internal delegate Task<string> AsyncForm(TestDb db, string run);

    internal delegate string SyncForm(TestDb db, string run);

    internal static readonly Dictionary<string, (AsyncForm Async, SyncForm Sync)> Cases = new()
    {
        ["ToList"] = (async (db, run) => Texts(await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToListAsync(Ct)),
            (db, run) => Texts(db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToList())),
        ["First"] = (async (db, run) => (await db.Notes.OrderBy(n => n.Text).FirstAsync(n => n.Run == run, Ct)).Text,
            (db, run) => db.Notes.OrderBy(n => n.Text).First(n => n.Run == run).Text),
        ["FirstOrDefault"] = (async (db, run) => (await db.Notes.FirstOrDefaultAsync(n => n.Run == run && n.Text == "none", Ct))?.Text ?? "null",
            (db, run) => db.Notes.FirstOrDefault(n => n.Run == run && n.Text == "none")?.Text ?? "null"),
        ["Single"] = (async (db, run) => (await db.Notes.SingleAsync(n => n.Run == run, Ct)).Text,
            (db, run) => db.Notes.Single(n => n.Run == run).Text),
        ["SingleOrDefault"] = (async (db, run) => (await db.Notes.SingleOrDefaultAsync(n => n.Run == run && n.Text == "b", Ct))?.Text ?? "null",
            (db, run) => db.Notes.SingleOrDefault(n => n.Run == run && n.Text == "b")?.Text ?? "null"),
        ["Count"] = (async (db, run) => (await db.Notes.CountAsync(n => n.Run == run, Ct)).ToString(),
            (db, run) => db.Notes.Count(n => n.Run == run).ToString()),
        ["Any"] = (async (db, run) => (await db.Notes.AnyAsync(n => n.Run == run && n.Text == "c", Ct)).ToString(),
            (db, run) => db.Notes.Any(n => n.Run == run && n.Text == "c").ToString()),
        ["Find"] = (async (db, run) => (await db.Notes.FindAsync(IdOf(db, run, "a"), Ct))!.Text,
            (db, run) => db.Notes.Find(IdOf(db, run, "a"))!.Text),
        ["Insert"] = (async (db, run) => await db.Notes.InsertAsync(new Note { Text = "d", Run = run }, Ct) + Texts(await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToListAsync(Ct)),
            (db, run) => db.Notes.Insert(new Note { Text = "d", Run = run }) + Texts(db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToList())),
        ["InsertMany"] = (async (db, run) => (await db.Notes.InsertManyAsync([new Note { Text = "x", Run = run }, new Note { Text = "y", Run = run }], Ct)).ToString(),
            (db, run) => db.Notes.InsertMany([new Note { Text = "x", Run = run }, new Note { Text = "y", Run = run }]).ToString()),
        ["UpdateEntity"] = (async (db, run) =>
            {
                var note = (await db.Notes.FindAsync(IdOf(db, run, "a"), Ct))!;
                note.Text = "A";
                return await db.Notes.UpdateAsync(note, Ct) + (await db.Notes.FindAsync(note.Id, Ct))!.Text;
            },
            (db, run) =>
            {
                var note = db.Notes.Find(IdOf(db, run, "a"))!;
                note.Text = "A";
                return db.Notes.Update(note) + db.Notes.Find(note.Id)!.Text;
            }),
        ["UpdateSet"] = (async (db, run) => (await db.Notes.Where(n => n.Run == run && n.Text != "a").UpdateAsync(u => u.Set(n => n.Text, "z"), Ct)).ToString(),
            (db, run) => db.Notes.Where(n => n.Run == run && n.Text != "a").Update(u => u.Set(n => n.Text, "z")).ToString()),
        ["Upsert"] = (async (db, run) =>
            {
                var note = (await db.Notes.FindAsync(IdOf(db, run, "b"), Ct))!;
                note.Text = "B";
                return await db.Notes.UpsertAsync(note, Ct) + Texts(await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToListAsync(Ct));
            },
            (db, run) =>
            {
                var note = db.Notes.Find(IdOf(db, run, "b"))!;
                note.Text = "B";
                return db.Notes.Upsert(note) + Texts(db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToList());
            }),
        ["DeleteEntityKeyAndQuery"] = (async (db, run) =>
                await db.Notes.DeleteAsync((await db.Notes.FindAsync(IdOf(db, run, "a"), Ct))!, Ct) + "|" + await db.Notes.DeleteAsync(IdOf(db, run, "b"), Ct) + "|" +
                await db.Notes.Where(n => n.Run == run).DeleteAsync(Ct),
            (db, run) => db.Notes.Delete(db.Notes.Find(IdOf(db, run, "a"))!) + "|" + db.Notes.Delete(IdOf(db, run, "b")) + "|" + db.Notes.Where(n => n.Run == run).Delete()),
        ["Stream"] = (async (db, run) =>
            {
                var texts = new List<string>();
                await foreach (var note in db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).AsAsyncEnumerable(Ct)) texts.Add(note.Text);
                return string.Join(",", texts);
            },
            (db, run) => string.Join(",", db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).AsEnumerable().Select(n => n.Text))),
        ["Projection"] = (async (db, run) => string.Join(",", await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).Select(n => n.Text).ToListAsync(Ct)) +
                (await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).Select(n => n.Text).FirstOrDefaultAsync(Ct)),
            (db, run) => string.Join(",", db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).Select(n => n.Text).ToList()) +
                db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).Select(n => n.Text).FirstOrDefault()),
        ["Include"] = (async (db, run) => People(await db.People.Include(p => p.Profile).Where(p => p.Name.StartsWith(run)).OrderBy(p => p.Name).ToListAsync(Ct)),
            (db, run) => People(db.People.Include(p => p.Profile).Where(p => p.Name.StartsWith(run)).OrderBy(p => p.Name).ToList())),
        ["IncludeJoined"] = (async (db, run) => People(await db.People.Include(p => p.Profile).AsSingleQuery().Where(p => p.Name.StartsWith(run)).OrderBy(p => p.Name).ToListAsync(Ct)),
            (db, run) => People(db.People.Include(p => p.Profile).AsSingleQuery().Where(p => p.Name.StartsWith(run)).OrderBy(p => p.Name).ToList())),
        ["Load"] = (async (db, run) =>
            {
                var people = await db.People.Where(p => p.Name.StartsWith(run)).OrderBy(p => p.Name).ToListAsync(Ct);
                await db.People.LoadAsync(people, p => p.Profile, Ct);
                return People(people);
            },
            (db, run) =>
            {
                var people = db.People.Where(p => p.Name.StartsWith(run)).OrderBy(p => p.Name).ToList();
                db.People.Load(people, p => p.Profile);
                return People(people);
            }),
        ["InsertGraph"] = (async (db, run) =>
            {
                await db.People.InsertGraphAsync(new Person { Name = run + "-g", Profile = new Profile { Bio = "graph" } }, Ct);
                return People(await db.People.Include(p => p.Profile).Where(p => p.Name == run + "-g").ToListAsync(Ct));
            },
            (db, run) =>
            {
                db.People.InsertGraph(new Person { Name = run + "-g", Profile = new Profile { Bio = "graph" } });
                return People(db.People.Include(p => p.Profile).Where(p => p.Name == run + "-g").ToList());
            }),
        ["Join"] = (async (db, run) => string.Join(",", (await db.Profiles.Join(db.People, (f, p) => f.PersonId == p.Id).Where((f, p) => p.Name.StartsWith(run)).OrderBy((f, p) => p.Name).ToListAsync(Ct)).Select(x => x.Item1.Bio)),
            (db, run) => string.Join(",", db.Profiles.Join(db.People, (f, p) => f.PersonId == p.Id).Where((f, p) => p.Name.StartsWith(run)).OrderBy((f, p) => p.Name).ToList().Select(x => x.Item1.Bio))),
        ["RawQuery"] = (async (db, run) => Texts(await db.QueryAsync<Note>($"SELECT * FROM notes WHERE run = {run} ORDER BY text", Ct)) +
                string.Join(",", await db.QueryValuesAsync<string>($"SELECT text FROM notes WHERE run = {run} ORDER BY text", Ct)) +
                (await db.QueryFirstOrDefaultAsync<Note>($"SELECT * FROM notes WHERE run = {run} ORDER BY text", Ct))!.Text,
            (db, run) => Texts(db.Query<Note>($"SELECT * FROM notes WHERE run = {run} ORDER BY text")) +
                string.Join(",", db.QueryValues<string>($"SELECT text FROM notes WHERE run = {run} ORDER BY text")) +
                db.QueryFirstOrDefault<Note>($"SELECT * FROM notes WHERE run = {run} ORDER BY text")!.Text),
        ["RawScalarAndExecute"] = (async (db, run) => await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM notes WHERE run = {run}", Ct) + "|" +
                await db.ExecuteAsync($"UPDATE notes SET text = CONCAT(text, '!') WHERE run = {run}", Ct),
            (db, run) => db.ExecuteScalar<long>($"SELECT COUNT(*) FROM notes WHERE run = {run}") + "|" + db.Execute($"UPDATE notes SET text = CONCAT(text, '!') WHERE run = {run}")),
        ["RawStream"] = (async (db, run) =>
            {
                var texts = new List<string>();
                await foreach (var note in db.QueryAsAsyncEnumerable<Note>($"SELECT * FROM notes WHERE run = {run} ORDER BY text", Ct)) texts.Add(note.Text);
                return string.Join(",", texts);
            },
            (db, run) => string.Join(",", db.QueryAsEnumerable<Note>($"SELECT * FROM notes WHERE run = {run} ORDER BY text").Select(n => n.Text))),
        ["QueryMultiple"] = (async (db, run) =>
            {
                await using var results = await db.QueryMultipleAsync($"SELECT * FROM notes WHERE run = {run} ORDER BY text; SELECT COUNT(*) FROM notes WHERE run = {run}; SELECT text FROM notes WHERE run = {run} ORDER BY text", Ct);
                return Texts(await results.ReadAsync<Note>(Ct)) + await results.ReadScalarAsync<long>(Ct) + string.Join(",", await results.ReadValuesAsync<string>(Ct));
            },
            (db, run) =>
            {
                using var results = db.QueryMultiple($"SELECT * FROM notes WHERE run = {run} ORDER BY text; SELECT COUNT(*) FROM notes WHERE run = {run}; SELECT text FROM notes WHERE run = {run} ORDER BY text");
                return Texts(results.Read<Note>()) + results.ReadScalar<long>() + string.Join(",", results.ReadValues<string>());
            }),
        ["TransactionRolledBack"] = (async (db, run) =>
            {
                await using (var transaction = await db.BeginTransactionAsync(cancellationToken: Ct))
                {
                    await db.Notes.InsertAsync(new Note { Text = "t", Run = run }, Ct);
                    await transaction.RollbackAsync(Ct);
                }

                return (await db.Notes.CountAsync(n => n.Run == run, Ct)).ToString();
            },
            (db, run) =>
            {
                using (var transaction = db.BeginTransaction())
                {
                    db.Notes.Insert(new Note { Text = "t", Run = run });
                    transaction.Rollback();
                }

                return db.Notes.Count(n => n.Run == run).ToString();
            }),
        ["TransactionDisposedAndNested"] = (async (db, run) =>
            {
                await using (var outer = await db.BeginTransactionAsync(cancellationToken: Ct))
                {
                    await db.Notes.InsertAsync(new Note { Text = "outer", Run = run }, Ct);
                    await using (var inner = await db.BeginTransactionAsync(cancellationToken: Ct)) await db.Notes.InsertAsync(new Note { Text = "inner", Run = run }, Ct);
                    await outer.CommitAsync(Ct);
                }

                await using (var dropped = await db.BeginTransactionAsync(cancellationToken: Ct)) await db.Notes.InsertAsync(new Note { Text = "dropped", Run = run }, Ct);
                return Texts(await db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToListAsync(Ct));
            },
            (db, run) =>
            {
                using (var outer = db.BeginTransaction())
                {
                    db.Notes.Insert(new Note { Text = "outer", Run = run });
                    using (var inner = db.BeginTransaction()) db.Notes.Insert(new Note { Text = "inner", Run = run });
                    outer.Commit();
                }

                using (var dropped = db.BeginTransaction()) db.Notes.Insert(new Note { Text = "dropped", Run = run });
                return Texts(db.Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToList());
            }),
        ["RunInTransaction"] = (async (db, run) => await db.RunInTransactionAsync(async (tx, ct) => await db.Notes.InsertAsync(new Note { Text = "unit", Run = run }, ct) + "|" + await tx.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM notes WHERE run = {run}", ct), cancellationToken: Ct),
            (db, run) => db.RunInTransaction(tx => db.Notes.Insert(new Note { Text = "unit", Run = run }) + "|" + tx.ExecuteScalar<long>($"SELECT COUNT(*) FROM notes WHERE run = {run}"))),
        ["ReadOnlyView"] = (async (db, run) => Texts(await db.AsReadOnly().Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToListAsync(Ct)) + await db.AsReadOnly().QueryScalarAsync<long>($"SELECT COUNT(*) FROM notes WHERE run = {run}", Ct),
            (db, run) => Texts(db.AsReadOnly().Notes.Where(n => n.Run == run).OrderBy(n => n.Text).ToList()) + db.AsReadOnly().QueryScalar<long>($"SELECT COUNT(*) FROM notes WHERE run = {run}")),
        ["ErrorMoreThanOne"] = (async (db, run) => (await db.Notes.SingleAsync(n => n.Run == run, Ct)).Text, (db, run) => db.Notes.Single(n => n.Run == run).Text),
        ["ErrorDuplicateKey"] = (async (db, run) => (await db.Notes.InsertAsync(new Note { Id = IdOf(db, run, "a"), Text = "dup", Run = run }, Ct)).ToString(),
            (db, run) => db.Notes.Insert(new Note { Id = IdOf(db, run, "a"), Text = "dup", Run = run }).ToString()),
        ["ErrorNoScalar"] = (async (db, run) => (await db.ExecuteScalarAsync<long>($"SELECT id FROM notes WHERE run = {run} AND text = 'none'", Ct)).ToString(),
            (db, run) => db.ExecuteScalar<long>($"SELECT id FROM notes WHERE run = {run} AND text = 'none'").ToString()),
        ["ErrorServer"] = (async (db, run) => (await db.ExecuteAsync($"SELECT * FROM missing_table WHERE run = {run}", Ct)).ToString(),
            (db, run) => db.Execute($"SELECT * FROM missing_table WHERE run = {run}").ToString()),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task The_sync_form_gives_the_same_result_sql_and_error_as_the_async_form(string name)
    {
        var (asyncForm, syncForm) = Cases[name];
        var asyncRun = await SeedAsync(database, name == "Single" ? 1 : 3);
        var syncRun = await SeedAsync(database, name == "Single" ? 1 : 3);

        // A database object each: what one learns once (the server's packet limit) the other asks for too.
        await using var asyncDb = database.Connect();
        var (asyncResult, asyncSql) = await RecordAsync(() => asyncForm(asyncDb, asyncRun));
        using var syncDb = database.Connect();
        var (syncResult, syncSql) = await RecordAsync(() => Task.FromResult(syncForm(syncDb, syncRun)));

        Assert.Equal(asyncResult.Replace(asyncRun, "RUN", StringComparison.Ordinal), syncResult.Replace(syncRun, "RUN", StringComparison.Ordinal));
        Assert.Equal(asyncSql, syncSql);
        Assert.NotEmpty(asyncSql);
        if (name.StartsWith("Error", StringComparison.Ordinal)) Assert.Contains("Exception: ", asyncResult, StringComparison.Ordinal);
    }

    private async Task<(string Result, string[] Sql)> RecordAsync(Func<Task<string>> run)
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        string result;
        try
        {
            result = await run();
        }
        catch (Exception exception)
        {
            result = $"{exception.GetType().Name}: {exception.Message} ({(exception as MicroOrmException)?.ServerErrorCode})";
        }

        return (result, telemetry.Activities.Select(a => (string)a.GetTagItem("db.query.text")!).ToArray());
    }

    /// <summary>Three notes a, b, c (or one) and two people, one with a profile, under a run key of their own.</summary>
    internal static async Task<string> SeedAsync(DatabaseFixture database, int notes)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var values = string.Join(", ", new[] { "a", "b", "c" }.Take(notes).Select(t => $"('{t}', '{run}')"));
        await database.ExecuteAsync($"INSERT INTO notes (text, run) VALUES {values}");
        await database.ExecuteAsync($"INSERT INTO people (name) VALUES ('{run}-1'), ('{run}-2')");
        await database.ExecuteAsync($"INSERT INTO profiles (person_id, bio) SELECT id, 'bio' FROM people WHERE name = '{run}-1'");
        return run;
    }

    private static int IdOf(TestDb db, string run, string text) => db.Notes.Where(n => n.Run == run && n.Text == text).Select(n => n.Id).ToList().Single();

    private static string Texts(IEnumerable<Note> notes) => string.Join(",", notes.Select(n => n.Text));

    private static string People(IEnumerable<Person> people) => string.Join(",", people.Select(p => p.Name[^2..] + ":" + (p.Profile?.Bio ?? "-") + (p.Profile?.Person == p ? "^" : "")));
}
