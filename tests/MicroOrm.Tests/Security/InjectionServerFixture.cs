using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>
/// A server of its own for the injection corpus: nothing else sends it statements, so its GLOBAL Com_* counters count
/// exactly what the corpus sends, on pooled and borrowed connections alike, and its default sql_mode can be changed
/// for a run without touching other tests' sessions.
/// </summary>
public sealed class InjectionServerFixture : IAsyncLifetime
{
    private ThrowawayServer? _server;
    private ScratchDatabase? _database;
    private MySqlConnection? _admin;

    public string ConnectionString => _database!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _server = await ThrowawayServer.StartAsync();
        _database = await ScratchDatabase.CreateAsync(_server, "injection");
        await using (var db = TestDb.Connect(_database.ConnectionString)) await db.Schema.CreateAsync();
        _admin = new MySqlConnection(_server.ConnectionString);
        await _admin.OpenAsync();
    }

    /// <summary>Sets the server's default sql_mode: sessions opened from now on start in it.</summary>
    public async Task SetDefaultModeAsync(string extraMode)
    {
        var sql = extraMode.Length == 0
            ? "SET GLOBAL sql_mode = DEFAULT"
            : $"SET GLOBAL sql_mode = DEFAULT; SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',{extraMode}')";
        await using var command = new MySqlCommand(sql, _admin);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The server's statement counters (Com_*), but for the SHOW STATUS that reads them.</summary>
    public async Task<Dictionary<string, long>> CountersAsync()
    {
        var counters = new Dictionary<string, long>();
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Com!_%' ESCAPE '!' AND Variable_name <> 'Com_show_status'", _admin);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counters[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        return counters;
    }

    /// <summary>
    /// Pairs (a, b) of <paramref name="seedTag"/>'s rows where the server matches b's text to a's as <paramref name="kind"/>
    /// says: "equal" (=), "like" (LIKE a's text with its wildcards escaped), "starts" or "contains". The payloads are
    /// never values here, only columns, so this is the server's own answer, free of any escaping.
    /// </summary>
    public async Task<List<(int A, int B)>> ServerMatchesAsync(string seedTag, string kind, System.Threading.CancellationToken ct)
    {
        const string Escaped = "REPLACE(REPLACE(REPLACE(a.text, '!', '!!'), '%', '!%'), '_', '!_')";
        var match = kind switch
        {
            "equal" => "b.text = a.text",
            "like" => $"b.text LIKE {Escaped} ESCAPE '!'",
            "starts" => $"b.text LIKE CONCAT({Escaped}, '%') ESCAPE '!'",
            "contains" => $"b.text LIKE CONCAT('%', {Escaped}, '%') ESCAPE '!'",
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
        };
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand($"SELECT a.id, b.id FROM notes a JOIN notes b ON b.run = a.run AND {match} WHERE a.run = @seed", connection);
        command.Parameters.AddWithValue("@seed", seedTag);
        var pairs = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) pairs.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return pairs;
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null) await _admin.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
