using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Benchmarks.Models;
using MicroOrm.ReferenceModels;
using MicroOrm.Servers;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// The data every benchmark reads: 5,000 posts, 1,000 states with 10 cities each. The host process prepares it once on
/// the run's server (MICROORM_CONNECTION_STRING, or a throwaway MariaDB it starts and keeps for the run) and hands
/// the benchmark processes the connection string through <see cref="EnvironmentVariable"/>.
/// </summary>
public static class BenchmarkDatabase
{
    public const string EnvironmentVariable = "MICROORM_BENCHMARK_CONNECTION_STRING";
    public const string DatabaseName = "microorm_benchmarks";
    public const int Posts = 5_000;
    public const int States = 1_000;
    public const int CitiesPerState = 10;

    /// <summary>The prepared database's connection string, in a benchmark process.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set: run the benchmarks through their Program (bash build.sh bench), which prepares the data.");

    /// <summary>Finds or starts a server, creates and fills the database, and publishes its connection string to child processes.</summary>
    public static async Task<IDatabaseServer> PrepareAsync()
    {
        var server = await ServerLocator.AcquireAsync();
        Console.WriteLine($"// benchmark server: {server.Description}");
        await using (var connection = new MySqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"DROP DATABASE IF EXISTS `{DatabaseName}`; CREATE DATABASE `{DatabaseName}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = DatabaseName }.ConnectionString;
        await using (var db = BenchDb.Connect(connectionString))
        {
            await db.Schema.CreateAsync();
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.Posts.InsertManyAsync(Enumerable.Range(1, Posts).Select(i => NewPost(i, start)));
        }

        await using (var app = AppDb.Connect(connectionString))
        {
            await app.Schema.CreateAsync();
            var states = Enumerable.Range(1, States).Select(i => new State { Name = $"State {i}" }).ToList();
            await app.States.InsertManyAsync(states);
            await app.Cities.InsertManyAsync(states.SelectMany(s => Enumerable.Range(1, CitiesPerState).Select(c => new City { Name = $"{s.Name} city {c}", StateId = s.Id })));
        }

        Environment.SetEnvironmentVariable(EnvironmentVariable, connectionString);
        return server;
    }

    /// <summary>A post like the seeded ones, with id <paramref name="i"/> (0 lets the server choose).</summary>
    public static Post NewPost(int i, DateTime start) => new()
    {
        Id = i,
        Text = $"Post {i}: " + new string('x', 80),
        CreationDate = start.AddMinutes(i),
        LastChangeDate = start.AddMinutes(i * 2),
        Counter1 = i % 3 == 0 ? null : i % 100,
        Counter2 = i % 5 == 0 ? null : i % 7,
        Counter3 = i,
        Counter4 = null,
        Counter5 = i % 2 == 0 ? i : null,
        Counter6 = 6,
        Counter7 = i % 11,
        Counter8 = null,
        Counter9 = i % 13 == 0 ? null : 9,
    };

    /// <summary>An open connection to the prepared database, as every contender's setup makes one.</summary>
    public static MySqlConnection Open()
    {
        var connection = new MySqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
