using System.Threading.Tasks;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// Statements sent to one node, each on a connection of its own: a pooled connection could be one to a node the test
/// killed since.
/// </summary>
internal static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new MySqlCommand(sql, connection);
        return (T)System.Convert.ChangeType((await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString + ";Pooling=false;Connection Timeout=5");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
