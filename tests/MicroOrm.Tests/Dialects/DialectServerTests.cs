using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.SqlBuilding;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// The dialect against the real server: taken from the version its handshake announces, or named in the options. Naming MySQL's
/// dialect against MariaDB makes the upsert a syntax error there, which shows both that the option decides the SQL
/// and why the dialects must differ.
/// </summary>
public sealed class DialectServerTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dialect_comes_from_the_handshake_with_no_query_and_the_upsert_uses_its_form()
    {
        await using var db = database.Connect();
        using var counter = new CommandCounter(database.DatabaseName);
        Assert.Null(db.Executor.Source.Dialect);
        var note = new Note { Text = "first", Run = "dialect-detect" };
        await db.Notes.UpsertAsync(note, Ct);
        note.Text = "second";
        await db.Notes.UpsertAsync(note, Ct);

        Assert.Same(SqlDialect.MariaDb, db.Executor.Source.Dialect);
        Assert.DoesNotContain(counter.Commands, c => c.Contains("@@version", StringComparison.OrdinalIgnoreCase) || c.Contains("VERSION()", StringComparison.OrdinalIgnoreCase));
        var upserts = counter.Commands.Where(c => c.Contains("ON DUPLICATE KEY UPDATE", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, upserts.Length);
        Assert.Equal(2, counter.Count - counter.Commands.Count(c => c.StartsWith("SELECT @@SESSION.sql_mode", StringComparison.Ordinal)));
        Assert.All(upserts, sql => Assert.Contains("`text` = VALUES(`text`)", sql, StringComparison.Ordinal));
        Assert.Equal("second", (await db.Notes.FindAsync(note.Id, Ct))!.Text);
    }

    [Fact]
    public async Task A_mysql_too_old_for_the_upsert_is_refused_by_the_first_operation_and_every_later_one_without_leaking_the_connection()
    {
        await using var proxy = FaultProxy.Start(database.ConnectionString);
        proxy.ReportServerVersion("5.7.44-log");
        var name = "old-mysql-" + Guid.NewGuid().ToString("N")[..8];
        using var probe = new PoolProbe(name);
        await using var db = TestDb.Connect(PoolProbe.Named(proxy.ConnectionString(database.ConnectionString), name));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<NotSupportedException>(() => db.Notes.FindAsync(1, Ct));
            Assert.Contains("5.7.44-log", error.Message, StringComparison.Ordinal);
            Assert.Contains("8.0.19", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, probe.Used);
        Assert.Null(db.Executor.Source.Dialect);

        // A borrowed connection is refused the same way, and is not left marked busy by the refusal.
        await using var connection = new MySqlConnector.MySqlConnection(proxy.ConnectionString(database.ConnectionString));
        await connection.OpenAsync(Ct);
        Assert.Equal("5.7.44-log", connection.ServerVersion);
        await using var borrowed = TestDb.FromConnection(connection);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<NotSupportedException>(() => borrowed.Notes.FindAsync(1, Ct));
            Assert.Contains("5.7.44-log", error.Message, StringComparison.Ordinal);
        }

        // Naming the dialect is the way past the check: the same server then works.
        await using var named = TestDb.Connect(new MicroOrmOptions { ConnectionString = proxy.ConnectionString(database.ConnectionString), Dialect = ServerDialect.MariaDb });
        Assert.Null(await named.Notes.FindAsync(-1, Ct));
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

    [Fact]
    public async Task A_check_violation_is_read_through_mariadbs_number_and_names_the_column()
    {
        await using var db = database.Connect();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() =>
            db.ExecuteAsync($"INSERT INTO signups (handle, nickname, age, score, balance, level, email, note) VALUES ('h', 'n', {200}, 1, 0, 1, 'a@b', '')", Ct));

        Assert.Same(SqlDialect.MariaDb, db.Executor.Source.Dialect);
        Assert.Equal(4025, error.ServerErrorCode);
        Assert.Equal("age", error.Column);
        Assert.StartsWith("The value for column age breaks the check constraint ck_signups_age", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_stopped_at_the_servers_time_limit_says_so()
    {
        await using var db = database.Connect();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() =>
            db.ExecuteScalarAsync<long>($"SET STATEMENT max_statement_time = 0.05 FOR SELECT SUM(seq % 7) FROM seq_1_to_1000000000000", Ct));

        Assert.Equal(1969, error.ServerErrorCode);
        Assert.StartsWith("The server stopped the statement at its own time limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dialects_session_question_sees_a_live_session_and_not_one_that_has_gone()
    {
        await using var db = database.Connect();
        var dialect = await db.GetDialectAsync(MicroOrm.Execution.IOBehavior.Asynchronous, Ct);
        var other = new MySqlConnector.MySqlConnection(new MySqlConnector.MySqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync(Ct);
        var session = other.ServerThread;

        Assert.Equal(1L, await Present(db, dialect, session));
        await other.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await Present(db, dialect, session) > 0 && DateTime.UtcNow < deadline) await Task.Delay(20, Ct);
        Assert.Equal(0L, await Present(db, dialect, session));
    }

    private static async Task<long> Present(TestDb db, SqlDialect dialect, int session) =>
        await db.Executor.ScalarAsync<long>(new MicroOrm.Execution.CommandRequest(dialect.SessionPresent(session), null, Ct), MicroOrm.Execution.IOBehavior.Asynchronous);
}
