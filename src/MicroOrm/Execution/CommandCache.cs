using System.Collections.Generic;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Commands kept for reuse on one connection that MicroOrm holds for many commands (a connection lent with
/// <c>FromConnection</c>, a transaction's), one per SQL text: the second run of a statement sets its parameters' values
/// and goes, as a hand-written reused command does. The connection runs one command at a time, so a cached command is
/// never in two uses at once. Bounded: past <see cref="Capacity"/> texts (a program building SQL with varying shapes),
/// the cache starts over.
/// </summary>
internal sealed class CommandCache
{
    private const int Capacity = 64;
    private readonly Dictionary<string, MySqlCommand> _commands = new(System.StringComparer.Ordinal);

    /// <summary>The command for <paramref name="statement"/> on <paramref name="connection"/>, its parameters set to the statement's values.</summary>
    public MySqlCommand Get(MySqlConnection connection, MySqlTransaction? transaction, SqlStatement statement)
    {
        var values = statement.ValueArray;
        if (_commands.TryGetValue(statement.Text, out var command) && command.Parameters.Count == values.Length)
        {
            command.Transaction = transaction;
            var parameters = command.Parameters;
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            return command;
        }

        if (_commands.Count >= Capacity) Clear();
        command = CommandFactory.Create(connection, transaction, statement);
        _commands[statement.Text] = command;
        return command;
    }

    /// <summary>Disposes every cached command.</summary>
    public void Clear()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}

/// <summary>A new command for a statement, with one parameter per value.</summary>
internal static class CommandFactory
{
    public static MySqlCommand Create(MySqlConnection connection, MySqlTransaction? transaction, SqlStatement statement)
    {
        var command = new MySqlCommand(statement.Text, connection, transaction);
        var values = statement.ValueArray;
        if (values.Length > 0)
        {
            var parameters = command.Parameters;
            for (var i = 0; i < values.Length; i++)
            {
                parameters.Add(new MySqlParameter(SqlWriter.ParameterName(i), values[i]));
            }
        }

        return command;
    }
}

/// <summary>A command for one use: disposed after it unless it belongs to a <see cref="CommandCache"/>.</summary>
internal readonly struct LeasedCommand(MySqlCommand command, bool cached)
{
    public MySqlCommand Command { get; } = command;

    public System.Threading.Tasks.ValueTask DisposeAsync(IOBehavior io) => cached ? default : Driver.DisposeAsync(Command, io);
}
