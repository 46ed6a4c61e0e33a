using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>
/// When MySqlConnector's NoBackslashEscapes option and the session's sql_mode disagree, a backslash in a value is
/// escaped wrongly: stored doubled one way, read as an escape the other way (an injection). MicroOrm refuses to send
/// such a command, and aligns pools it owns with the server's default mode.
/// </summary>
public sealed class BackslashGuardTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_in_NO_BACKSLASH_ESCAPES_without_the_option_refuses_backslashes_instead_of_doubling_them()
    {
        await using var connection = await OpenAsync(database.ConnectionString, "NO_BACKSLASH_ESCAPES");
        await using var db = TestDb.FromConnection(connection);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.InsertAsync(new Note { Text = "C:\\temp", Run = "guard" }, Ct));

        Assert.Contains("NoBackslashEscapes=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.Notes.CountAsync(n => n.Run == "guard", Ct));
        Assert.Equal(1, await db.Notes.InsertAsync(new Note { Text = "no backslash here", Run = "guard" }, Ct));
    }

    [Fact]
    public async Task The_option_without_the_session_mode_refuses_the_classic_backslash_quote_payload()
    {
        var withOption = new MySqlConnectionStringBuilder(database.ConnectionString) { NoBackslashEscapes = true }.ConnectionString;
        await using var connection = await OpenAsync(withOption, sqlMode: null);
        await using var db = TestDb.FromConnection(connection);
        var inserts = await InsertCountAsync(connection);

        // Sent unescaped to a session that reads \' as an escaped quote, this would end the string and run the rest.
        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync($"INSERT INTO notes (text, run) VALUES ({"\\' OR 1=1 -- "}, {"guard2"})", Ct));

        Assert.Contains("injection risk", error.Message, StringComparison.Ordinal);
        Assert.Equal(inserts, await InsertCountAsync(connection));
        Assert.Equal(0L, await db.Notes.CountAsync(n => n.Run == "guard2", Ct));
    }

    [Fact]
    public async Task A_mode_changed_by_raw_sql_inside_a_pooled_transaction_is_noticed()
    {
        await using var db = database.Connect();
        await db.Notes.InsertAsync(new Note { Text = "before \\ change", Run = "guard3" }, Ct);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
        await db.ExecuteAsync($"SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')", Ct);

        await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.InsertAsync(new Note { Text = "after \\ change", Run = "guard3" }, Ct));
        await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public async Task A_pool_built_from_a_connection_string_follows_a_server_that_defaults_to_NO_BACKSLASH_ESCAPES()
    {
        await using var server = await ThrowawayServer.StartAsync(
            new ThrowawayServerOptions { ExtraArguments = ["--sql-mode=STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES"] }, Ct);
        await using var scratch = await ScratchDatabase.CreateAsync(server, "nbe", Ct);
        await using var db = TestDb.Connect(scratch.ConnectionString);
        await db.Schema.CreateAsync(Ct);
        string[] values = ["\\", "\\\\", "C:\\path\\file", "\\' OR 1=1 -- ", "quote ' and \\ backslash"];

        foreach (var value in values) await db.Notes.InsertAsync(new Note { Text = value, Run = "nbe" }, Ct);

        Assert.Equal(values, await db.Notes.Where(n => n.Run == "nbe").OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(Ct));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM notes WHERE text = {"C:\\path\\file"}", Ct));
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString, string? sqlMode)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        if (sqlMode is not null)
        {
            await using var set = new MySqlCommand($"SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',{sqlMode}')", connection);
            await set.ExecuteNonQueryAsync(Ct);
        }

        return connection;
    }

    private static async Task<long> InsertCountAsync(MySqlConnection connection)
    {
        await using var command = new MySqlCommand("SHOW SESSION STATUS LIKE 'Com_insert'", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
    }
}
