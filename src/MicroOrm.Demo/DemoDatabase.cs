using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Demo.Cli;
using MicroOrm.Demo.Models;
using MicroOrm.Servers;
using MySqlConnector;

namespace MicroOrm.Demo;

/// <summary>
/// The database the demo runs on: the one given (arguments, <c>--connection</c>, or the environment variable), or a
/// throwaway server seeded with the reference project's schema and data, removed afterwards unless <c>--keep</c>.
/// </summary>
internal sealed class DemoDatabase : IAsyncDisposable
{
    private const string DatabaseName = "microorm_demo";
    private readonly ThrowawayServer? _server;
    private readonly bool _keep;

    private DemoDatabase(string connectionString, ThrowawayServer? server, bool keep)
    {
        ConnectionString = connectionString;
        _server = server;
        _keep = keep;
    }

    public string ConnectionString { get; }

    /// <summary>The throwaway server, described for <c>--verbose</c>; null when the database was given.</summary>
    public string? Description => _server?.Description;

    public static async Task<DemoDatabase> OpenAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var given = invocation.ConnectionString ?? Environment.GetEnvironmentVariable(ServerLocator.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given)) return new DemoDatabase(given, null, keep: false);

        // With --keep the server must outlive this process: it follows the shell that started the demo instead.
        var options = new ThrowawayServerOptions { OwnerProcessId = invocation.Keep ? ParentProcessId() : null };
        var server = await ThrowawayServer.StartAsync(options, cancellationToken);
        try
        {
            var connectionString = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = DatabaseName }.ConnectionString;
            await SeedAsync(server.ConnectionString, connectionString, cancellationToken);
            return new DemoDatabase(connectionString, server, invocation.Keep);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null) return;
        if (_keep)
        {
            await Console.Error.WriteAsync(
                $"The throwaway server keeps running ({_server.Description}); it stops when this shell exits, or with: kill {_server.ServerProcessId}\n" +
                $"connection string: {ConnectionString}\n");
            return;
        }

        await _server.DisposeAsync();
    }

    /// <summary>
    /// The reference project's tables, exactly as its SQL declares them (no ON DELETE CASCADE: the library applies the
    /// model's cascade itself), the seed's users and addresses from the models, and the reference data.
    /// </summary>
    private static async Task SeedAsync(string serverConnectionString, string connectionString, CancellationToken cancellationToken)
    {
        await using (var server = new MySqlConnection(serverConnectionString))
        {
            await server.OpenAsync(cancellationToken);
            await using var create = new MySqlCommand($"CREATE DATABASE {DatabaseName}", server);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var db = SeedDb.Connect(connectionString);
        await db.ExecuteUnsafeAsync("CREATE TABLE states (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(256) NOT NULL, PRIMARY KEY (id))", cancellationToken);
        await db.ExecuteUnsafeAsync(
            "CREATE TABLE cities (id INT NOT NULL AUTO_INCREMENT, state_id INT NOT NULL, name VARCHAR(256) NOT NULL, PRIMARY KEY (id), FOREIGN KEY (state_id) REFERENCES states(id))",
            cancellationToken);
        await db.Schema.CreateTableAsync(db.Users.Info, cancellationToken);
        await db.Schema.CreateTableAsync(db.Addresses.Info, cancellationToken);

        foreach (var (state, cities) in SeedData.StatesAndCities)
        {
            await db.States.InsertGraphAsync(new State { Name = state, Cities = cities.ConvertAll(name => new City { Name = name }) }, cancellationToken);
        }

        foreach (var (name, email, streets) in SeedData.UsersAndAddresses)
        {
            var user = new User { Name = name, Email = email };
            await db.Users.InsertAsync(user, cancellationToken);
            foreach (var (street, city) in streets)
            {
                var cityId = await db.Cities.Where(c => c.Name == city).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
                await db.Addresses.InsertAsync(new Address { Street = street, UserId = user.Id, CityId = cityId }, cancellationToken);
            }
        }
    }

    private static int ParentProcessId()
    {
        // /proc/self/stat: "pid (name) state ppid ..."; the name may hold spaces, so read after the closing parenthesis.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
