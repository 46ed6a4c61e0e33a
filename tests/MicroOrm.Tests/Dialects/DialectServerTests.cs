using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// The dialect against the real server: detected from its version once, or named in the options. Naming MySQL's
/// dialect against MariaDB makes the upsert a syntax error there, which shows both that the option decides the SQL
/// and why the dialects must differ.
/// </summary>
public sealed class DialectServerTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dialect_is_detected_once_and_the_upsert_uses_its_form()
    {
        await using var db = database.Connect();
        using var counter = new CommandCounter(database.DatabaseName);
        var note = new Note { Text = "first", Run = "dialect-detect" };
        await db.Notes.UpsertAsync(note, Ct);
        note.Text = "second";
        await db.Notes.UpsertAsync(note, Ct);

        var versionQueries = counter.Commands.Count(c => c.Contains("@@version", StringComparison.Ordinal));
        var upserts = counter.Commands.Where(c => c.Contains("ON DUPLICATE KEY UPDATE", StringComparison.Ordinal)).ToArray();
        Assert.Equal(1, versionQueries);
        Assert.Equal(2, upserts.Length);
        Assert.All(upserts, sql => Assert.Contains("`text` = VALUES(`text`)", sql, StringComparison.Ordinal));
        Assert.Equal("second", (await db.Notes.FindAsync(note.Id, Ct))!.Text);
    }

    [Fact]
    public async Task A_dialect_named_in_the_options_is_used_without_asking_the_server()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, Dialect = ServerDialect.MySql84 });
        using var counter = new CommandCounter(database.DatabaseName);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.UpsertAsync(new Note { Text = "x", Run = "dialect-named" }, Ct));

        Assert.Equal(1064, error.ServerErrorCode);
        Assert.DoesNotContain(counter.Commands, c => c.Contains("@@version", StringComparison.Ordinal));
        var upsert = Assert.Single(counter.Commands, c => c.Contains("ON DUPLICATE KEY UPDATE", StringComparison.Ordinal));
        Assert.Contains(") AS `microorm_new` ON DUPLICATE KEY UPDATE `text` = `microorm_new`.`text`", upsert, StringComparison.Ordinal);

        await using var named = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, Dialect = ServerDialect.MariaDb });
        var note = new Note { Text = "y", Run = "dialect-named" };
        await named.Notes.UpsertAsync(note, Ct);
        Assert.Equal("y", (await named.Notes.FindAsync(note.Id, Ct))!.Text);
    }
}
