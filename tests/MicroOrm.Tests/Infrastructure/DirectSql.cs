using System.Threading.Tasks;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// SQL sent straight through MySqlConnector, as a DBA would send it: to set up or change a database behind the code
/// under test, or to look at it, without that code's help.
/// </summary>
public static class DirectSql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The first column of the first row, as text (or null).</summary>
    public static async Task<string?> TextAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString();
    }
}
