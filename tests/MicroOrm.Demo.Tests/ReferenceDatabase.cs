using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

[assembly: AssemblyFixture(typeof(MicroOrm.Demo.Tests.DemoServerFixture))]

namespace MicroOrm.Demo.Tests;

/// <summary>The run's server (the environment's, or a throwaway one).</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public IDatabaseServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await ServerLocator.AcquireAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// A fresh database with the reference project's schema exactly as its SQL declares it, and the reference data: the
/// known data set every demo test starts from.
/// </summary>
internal static class ReferenceDatabase
{
    public static async Task<ScratchDatabase> CreateAsync(IDatabaseServer server, bool seeded = true)
    {
        var database = await ScratchDatabase.CreateAsync(server, "demo");
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in Schema)
        {
            await using var command = new MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        if (seeded)
        {
            foreach (var sql in Data)
            {
                await using var command = new MySqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        return database;
    }

    private static readonly string[] Schema =
    [
        "CREATE TABLE states (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(256) NOT NULL, PRIMARY KEY (id))",
        "CREATE TABLE cities (id INT NOT NULL AUTO_INCREMENT, state_id INT NOT NULL, name VARCHAR(256) NOT NULL, PRIMARY KEY (id), FOREIGN KEY (state_id) REFERENCES states(id))",
    ];

    private static readonly string[] Data =
    [
        "INSERT INTO states (name) VALUES ('California'), ('Arizona'), ('Texas'), ('New York'), ('Nevada')",
        "INSERT INTO cities (state_id, name) VALUES (1, 'San Francisco'), (1, 'San Jose'), (1, 'Los Angeles'), (1, 'Fremont'), (1, 'Livermore'), " +
        "(2, 'Page'), (2, 'Phoenix'), (3, 'Dallas'), (3, 'Houston'), (3, 'Austin'), (4, 'New York'), (5, 'Las Vegas'), (5, 'Reno'), (5, 'Henderson'), (5, 'Carson City')",
    ];
}
