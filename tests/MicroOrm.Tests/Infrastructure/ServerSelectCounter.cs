using System;
using System.Globalization;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// Counts SELECTs as the server counts them: the session's Com_select on a connection the test lends MicroOrm
/// (FromConnection), so no listener inside MicroOrm can miss or invent one. SHOW STATUS is not a SELECT, so reading
/// the counter does not move it.
/// </summary>
public sealed class ServerSelectCounter : IAsyncDisposable
{
    private long _start;

    private ServerSelectCounter(MySqlConnection connection) => Connection = connection;

    /// <summary>The connection to lend MicroOrm; every statement MicroOrm sends through it is counted.</summary>
    public MySqlConnection Connection { get; }

    public static async Task<ServerSelectCounter> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var counter = new ServerSelectCounter(connection);
        await counter.ResetAsync();
        return counter;
    }

    /// <summary>Starts counting from now.</summary>
    public async Task ResetAsync() => _start = await ReadAsync();

    /// <summary>SELECTs the server ran on the session since the last reset.</summary>
    public async Task<long> SelectsAsync() => await ReadAsync() - _start;

    private async Task<long> ReadAsync()
    {
        await using var command = new MySqlCommand("SHOW SESSION STATUS LIKE 'Com_select'", Connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
