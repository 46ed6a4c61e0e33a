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

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<System.Collections.Generic.List<string>> ScalarsAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new System.Collections.Generic.List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) values.Add(System.Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    public static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString + ";Pooling=false;Connection Timeout=5");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
