using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>
/// The backslash guard sees every value MySqlConnector escapes, not only strings; it refuses a batch that would change
/// sql_mode under its own backslash values; and what it knows of a session does not outlive the session, even when a
/// server restart hands the same thread id to a new one.
/// </summary>
public sealed class BackslashGuardCoverageTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A float whose four bytes are all backslashes, as MySqlConnector sends a float vector: in binary.</summary>
    private static readonly float BackslashFloat = BitConverter.Int32BitsToSingle(0x5C5C5C5C);

    public static TheoryData<string> ValueKinds =>
    [
        "string", "char", "char[]", "StringBuilder", "ReadOnlyMemory<char>", "Memory<char>", "byte[]", "ReadOnlyMemory<byte>",
        "Memory<byte>", "ArraySegment<byte>", "MemoryStream", "ReadOnlyMemory<float>", "Memory<float>", "MySqlGeometry",
    ];

    [Theory]
    [MemberData(nameof(ValueKinds))]
    public async Task A_backslash_in_any_value_MySqlConnector_escapes_is_refused_when_the_session_disagrees(string kind)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using (var set = new MySqlCommand("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')", connection)) await set.ExecuteNonQueryAsync(Ct);
        await using var db = TestDb.FromConnection(connection);
        var selects = await SessionCounterAsync(connection, "Com_select");

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteScalarAsync<string>($"SELECT HEX({Value(kind)})", Ct));

        Assert.Contains("Nothing was sent", error.Message, StringComparison.Ordinal);
        // The one SELECT is the guard's own look at the session's sql_mode.
        Assert.Equal(selects + 1, await SessionCounterAsync(connection, "Com_select"));
    }

    [Theory]
    [MemberData(nameof(ValueKinds))]
    public async Task The_same_values_go_through_when_the_session_agrees(string kind)
    {
        await using var db = database.Connect();

        var hex = await db.ExecuteScalarAsync<string>($"SELECT HEX({Value(kind)})", Ct);

        // Stored once, not doubled and not eaten as an escape.
        Assert.Equal(ExpectedHex(kind), hex);
    }

    /// <summary>
    /// Bytes MySqlConnector might write with a backslash escape (NUL, quotes, Ctrl-Z, line ends) in a session whose
    /// sql_mode disagrees with the connection string: each is either stored exactly or refused before sending, never
    /// stored as something else.
    /// </summary>
    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 })]
    [InlineData(new byte[] { 0x27 })]
    [InlineData(new byte[] { 0x22 })]
    [InlineData(new byte[] { 0x1A })]
    [InlineData(new byte[] { 0x0A, 0x0D })]
    public async Task Escaped_bytes_in_a_disagreeing_session_are_stored_exactly_or_refused(byte[] bytes)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using (var set = new MySqlCommand("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')", connection)) await set.ExecuteNonQueryAsync(Ct);
        await using var db = TestDb.FromConnection(connection);

        try
        {
            Assert.Equal(Convert.ToHexString(bytes), await db.ExecuteScalarAsync<string>($"SELECT HEX({bytes})", Ct));
        }
        catch (MicroOrmException error) when (error.Message.Contains("Nothing was sent", StringComparison.Ordinal))
        {
            // Refused before sending: as safe as stored exactly.
        }
    }

    [Fact]
    public async Task A_batch_that_sets_sql_mode_and_carries_a_backslash_is_refused_before_sending()
    {
        await using var db = database.Connect();
        var run = Guid.NewGuid().ToString("N")[..8];

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync(
            $"SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES'); INSERT INTO notes (text, run) VALUES ({"C:\\temp"}, {run})", Ct));

        Assert.Contains("sql_mode in a command of its own", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.Notes.CountAsync(n => n.Run == run, Ct));
        // Without a backslash the same batch is fine: nothing in it is escaped.
        Assert.Equal(1, await db.ExecuteAsync($"SET SESSION sql_mode = @@SESSION.sql_mode; INSERT INTO notes (text, run) VALUES ({"plain"}, {run})", Ct));
    }

    [Fact]
    public async Task What_the_guard_knows_of_a_session_does_not_survive_a_server_restart_that_reuses_its_thread_id()
    {
        await using var server = await ThrowawayServer.StartAsync(cancellationToken: Ct);
        await using var scratch = await ScratchDatabase.CreateAsync(server, "restart", Ct);
        // Thread ids are handed out in order: push them up first, so the id the pool's session gets is one a fresh
        // server reaches again after a few connections.
        var ballast = await OpenUntilAsync(scratch.ConnectionString, 40);
        await using var db = TestDb.Connect(new MySqlConnectionStringBuilder(scratch.ConnectionString) { MaximumPoolSize = 1 }.ConnectionString);
        await db.Schema.CreateAsync(Ct);
        await db.Notes.InsertAsync(new Note { Text = "before \\ restart", Run = "restart" }, Ct);
        var session = await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct);
        foreach (var connection in ballast) await connection.DisposeAsync();

        await server.StopAsync(Ct);
        await server.StartAgainAsync(Ct);
        // The restarted server defaults to NO_BACKSLASH_ESCAPES, which the pool's connection string does not say.
        await using (var admin = new MySqlConnection(scratch.ConnectionString + ";Pooling=false"))
        {
            await admin.OpenAsync(Ct);
            await using var set = new MySqlCommand("SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')", admin);
            await set.ExecuteNonQueryAsync(Ct);
        }

        var fillers = await OpenUntilAsync(scratch.ConnectionString, session - 1);
        try
        {
            Assert.Equal(session, await db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID()", Ct));

            var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Notes.InsertAsync(new Note { Text = "after \\ restart", Run = "restart" }, Ct));

            Assert.Contains("NoBackslashEscapes=true", error.Message, StringComparison.Ordinal);
            Assert.Equal(["before \\ restart"], await db.Notes.Where(n => n.Run == "restart").Select(n => n.Text).ToListAsync(Ct));
        }
        finally
        {
            foreach (var connection in fillers) await connection.DisposeAsync();
        }
    }

    private static object Value(string kind) => kind switch
    {
        "string" => "a\\b",
        "char" => '\\',
        "char[]" => "a\\b".ToCharArray(),
        "StringBuilder" => new StringBuilder("a").Append('\\').Append('b'),
        "ReadOnlyMemory<char>" => "a\\b".AsMemory(),
        "Memory<char>" => "a\\b".ToCharArray().AsMemory(),
        "byte[]" => new byte[] { 1, 0x5C, 2 },
        "ReadOnlyMemory<byte>" => new ReadOnlyMemory<byte>([1, 0x5C, 2]),
        "Memory<byte>" => new Memory<byte>([1, 0x5C, 2]),
        "ArraySegment<byte>" => new ArraySegment<byte>([9, 1, 0x5C, 2], 1, 3),
        "MemoryStream" => new MemoryStream([1, 0x5C, 2]),
        "ReadOnlyMemory<float>" => new ReadOnlyMemory<float>([BackslashFloat]),
        "Memory<float>" => new Memory<float>([BackslashFloat]),
        "MySqlGeometry" => MySqlGeometry.FromWkb(0, Point(BitConverter.Int64BitsToDouble(0x5C5C5C5C5C5C5C5C), 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string ExpectedHex(string kind) => kind switch
    {
        "char" => "5C",
        "byte[]" or "ReadOnlyMemory<byte>" or "Memory<byte>" or "ArraySegment<byte>" or "MemoryStream" => "015C02",
        "ReadOnlyMemory<float>" or "Memory<float>" => "5C5C5C5C",
        "MySqlGeometry" => Convert.ToHexString(((MySqlGeometry)Value(kind)).Value),
        _ => "615C62",
    };

    /// <summary>A WKB point (little-endian).</summary>
    private static byte[] Point(double x, double y)
    {
        var wkb = new List<byte> { 1, 1, 0, 0, 0 };
        wkb.AddRange(BitConverter.GetBytes(x));
        wkb.AddRange(BitConverter.GetBytes(y));
        return wkb.ToArray();
    }

    /// <summary>Opens unpooled connections, kept open, until one has thread id <paramref name="lastId"/>.</summary>
    private static async Task<List<MySqlConnection>> OpenUntilAsync(string connectionString, long lastId)
    {
        var opened = new List<MySqlConnection>();
        while (true)
        {
            var connection = new MySqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync(Ct);
            opened.Add(connection);
            if (connection.ServerThread >= lastId)
            {
                Assert.True(connection.ServerThread == lastId, $"thread ids skipped past {lastId} (got {connection.ServerThread}); the restart could not be made to reuse the pool's id");
                return opened;
            }
        }
    }

    private static async Task<long> SessionCounterAsync(MySqlConnection connection, string name)
    {
        await using var command = new MySqlCommand($"SHOW SESSION STATUS LIKE '{name}'", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
    }
}
