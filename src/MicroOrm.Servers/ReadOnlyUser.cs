using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>
/// A database user that may only SELECT from one database, dropped on dispose: what a read-only view is meant to be
/// paired with, so that the server refuses writes too.
/// </summary>
public sealed class ReadOnlyUser : IAsyncDisposable
{
    // Created for every host form a local client can arrive as, so that no anonymous ''@'localhost' account wins the match.
    private static readonly string[] Hosts = ["localhost", "127.0.0.1", "%"];
    private readonly string _serverConnectionString;

    private ReadOnlyUser(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The user's name.</summary>
    public string Name { get; }

    /// <summary>A connection string that logs in as the user, with the database selected.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a user with SELECT on <paramref name="database"/> only.</summary>
    public static async Task<ReadOnlyUser> CreateAsync(IDatabaseServer server, string database, CancellationToken cancellationToken = default)
    {
        var name = "reader_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await using (var connection = new MySqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var host in Hosts)
            {
                await using var command = new MySqlCommand(
                    $"CREATE USER '{name}'@'{host}' IDENTIFIED BY '{password}'; GRANT SELECT ON `{database}`.* TO '{name}'@'{host}'", connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var connectionString = new MySqlConnectionStringBuilder(server.ConnectionString) { UserID = name, Password = password, Database = database }.ConnectionString;
        return new ReadOnlyUser(server.ConnectionString, name, connectionString);
    }

    /// <summary>Drops the user.</summary>
    public async ValueTask DisposeAsync()
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        foreach (var host in Hosts)
        {
            await using var command = new MySqlCommand($"DROP USER IF EXISTS '{Name}'@'{host}'", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
