using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Demo.Tests;

/// <summary>
/// A server of its own whose general log records every statement, so the demo's queries are counted by the server,
/// not by what the demo reports of itself.
/// </summary>
public sealed class LoggedServerFixture : IAsyncLifetime
{
    public ThrowawayServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await ThrowawayServer.StartAsync();
        await ExecuteAsync("SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = ON");
    }

    /// <summary>Empties the log, so what follows is counted from zero.</summary>
    public Task ClearAsync() => ExecuteAsync("TRUNCATE TABLE mysql.general_log");

    /// <summary>
    /// The SELECTs the server ran for <paramref name="database"/>'s sessions since <see cref="ClearAsync"/>, but for
    /// MicroOrm's own looks at session variables (SELECT @@..., as CommandCounter.Queries leaves them out too).
    /// </summary>
    public async Task<long> QueriesAsync(string database)
    {
        await using var connection = new MySqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SELECT COUNT(*) FROM mysql.general_log q WHERE q.command_type = 'Query' AND CONVERT(q.argument USING utf8mb4) LIKE 'SELECT%' " +
            "AND CONVERT(q.argument USING utf8mb4) NOT LIKE 'SELECT @@%' AND q.thread_id IN (SELECT c.thread_id FROM mysql.general_log c " +
            "WHERE c.command_type IN ('Connect', 'Init DB') AND CONVERT(c.argument USING utf8mb4) LIKE @database)", connection);
        command.Parameters.AddWithValue("@database", "%" + database + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>The demo tasks the README says take one query take one, as the server's general log counts them.</summary>
public sealed class QueryCountTests(LoggedServerFixture logged) : IClassFixture<LoggedServerFixture>
{
    [Theory]
    [InlineData("relationship-states-cities")]
    [InlineData("relationship-cities-states")]
    [InlineData("cities-by-state")]
    public async Task The_one_query_tasks_send_one_query_as_the_server_counts(string task)
    {
        await using var database = await ReferenceDatabase.CreateAsync(logged.Server);
        await logged.ClearAsync();

        var result = await DemoRunner.RunAsync(task, "--connection", database.ConnectionString);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, await logged.QueriesAsync(database.Name));
    }
}
