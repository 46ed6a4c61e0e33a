using System;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>A server someone else runs, reached through a connection string; nothing is started or stopped.</summary>
public sealed class ExternalServer : IDatabaseServer
{
    private readonly string _origin;

    public ExternalServer(string connectionString, string origin)
    {
        _origin = origin;
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ServerUnavailableException($"The connection string in {origin} is not valid: {exception.Message}", exception);
        }

        ConnectionString = builder.ConnectionString;
        Description = $"{builder.Server}:{builder.Port} ({origin})";
    }

    public string ConnectionString { get; }

    public string Description { get; }

    /// <summary>Connects once, so that a wrong password or an unreachable host is reported here, in one sentence, not deep inside a test.</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new MySqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException exception)
        {
            throw new ServerUnavailableException(
                $"The server in {_origin} ({Description}) refused the connection: {exception.Message} Check the host, port, user and password in {_origin}.", exception);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
