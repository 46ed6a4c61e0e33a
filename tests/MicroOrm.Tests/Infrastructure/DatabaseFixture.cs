using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>A fresh database for one test class, on the run's server, dropped when the class is done.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    private readonly ServerFixture _server;
    private ScratchDatabase? _database;

    public DatabaseFixture(ServerFixture server) => _server = server;

    public string ConnectionString => (_database ?? throw new InvalidOperationException("The database fixture has not started.")).ConnectionString;

    public string DatabaseName => _database!.Name;

    public IDatabaseServer Server => _server.Server;

    public virtual async ValueTask InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync(_server.Server, GetType().Name);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>Runs SQL directly through MySqlConnector, to set up or inspect state without the code under test.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query directly through MySqlConnector.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
