using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>
/// The administrative statements a topology sends to its nodes, as root, each on a connection of its own: a pooled
/// connection could be one to a node killed since, and the first statement after the kill would fail on it.
/// </summary>
internal static class NodeCommands
{
    public static string ConnectionString(ThrowawayNode node) => node.ConnectionString + ";Pooling=false;Connection Timeout=5";

    public static async Task ExecuteAsync(ThrowawayNode node, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(ConnectionString(node));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(ThrowawayNode node, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(ConnectionString(node));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>The first row a statement returns (<c>SHOW SLAVE STATUS</c>, for one), by column name; empty when it returns none.</summary>
    public static async Task<Dictionary<string, string>> RowAsync(ThrowawayNode node, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(ConnectionString(node));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return row;
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return row;
    }

    /// <summary>Name-value rows (<c>SHOW STATUS</c>, <c>SHOW VARIABLES</c>) as a dictionary.</summary>
    public static async Task<Dictionary<string, string>> NameValuesAsync(ThrowawayNode node, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(ConnectionString(node));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) values[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        return values;
    }

    /// <summary>Quotes a string for a statement that takes no parameters (<c>CHANGE MASTER TO</c>, <c>CREATE USER</c>).</summary>
    public static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
