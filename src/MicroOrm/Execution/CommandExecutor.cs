using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// The one place where MicroOrm sends a command: it leases a connection, binds parameters, runs the command,
/// hands the reader to a generated row reader, and turns driver errors into <see cref="MicroOrmException"/>.
/// </summary>
internal sealed class CommandExecutor
{
    private readonly ConnectionSource _source;

    public CommandExecutor(ConnectionSource source) => _source = source;

    public async ValueTask<List<T>> ListAsync<T>(string sql, RowReader<T> rowReader, string? table, CancellationToken cancellationToken)
    {
        var lease = await _source.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = CreateCommand(lease, sql);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(rowReader.Read(reader));
            }

            return list;
        }
        catch (MySqlException exception)
        {
            throw ServerError(exception, sql, table);
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask<int> ExecuteAsync(string sql, string? table, CancellationToken cancellationToken)
    {
        var lease = await _source.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = CreateCommand(lease, sql);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException exception)
        {
            throw ServerError(exception, sql, table);
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private static MySqlCommand CreateCommand(in ConnectionLease lease, string sql) =>
        new(sql, lease.Connection, lease.Transaction);

    private static MicroOrmException ServerError(MySqlException exception, string sql, string? table) =>
        new($"{exception.Message} (server error {exception.Number}) while running: {sql}", exception, sql, table, column: null, exception.Number);
}
