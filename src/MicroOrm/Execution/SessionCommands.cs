using System;
using System.Collections.Generic;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Statements MicroOrm sends on a session it already holds, outside the executor's pipeline: a topology's questions (a
/// replica's position and status, whether a server takes writes). Each is timed and traced by the telemetry of the
/// server it runs on, and a server error comes back translated. (The migration lock runs GET_LOCK on its held session
/// by itself: it reads the driver's own error number when the server refuses the lock.)
/// </summary>
internal static class SessionCommands
{
    /// <summary>The first column of the first row, or <see langword="null"/>.</summary>
    public static async ValueTask<object?> ScalarAsync(CommandTelemetry telemetry, ConnectionLease session, SqlStatement statement, IOBehavior io, CancellationToken cancellationToken)
    {
        var scope = telemetry.Start(statement, null);
        var command = CommandFactory.Create(session.Connection, session.Transaction, statement);
        // The caller's token cancels the statement on the server (a replica's wait for a position can be long).
        var guard = CommandGuard.Start(command, cancellationToken, 0);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = await Driver.ExecuteScalarAsync(command, io).ConfigureAwait(false);
            scope.Succeeded(value is null or DBNull ? 0 : 1, written: false);
            return value is DBNull ? null : value;
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            throw Failed(scope, guard?.Explain(exception, statement, cancellationToken) ?? exception, statement);
        }
        finally
        {
            guard?.Dispose();
            await Driver.DisposeAsync(command, io).ConfigureAwait(false);
        }
    }

    /// <summary>The first row, column name to value (<see langword="null"/> for NULL); <see langword="null"/> when there is no row.</summary>
    public static async ValueTask<Dictionary<string, object?>?> FirstRowAsync(CommandTelemetry telemetry, ConnectionLease session, SqlStatement statement, IOBehavior io, CancellationToken cancellationToken)
    {
        var scope = telemetry.Start(statement, null);
        var command = CommandFactory.Create(session.Connection, session.Transaction, statement);
        // The caller's token cancels the statement on the server (a replica's wait for a position can be long).
        var guard = CommandGuard.Start(command, cancellationToken, 0);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reader = await Driver.ExecuteReaderAsync(command, CommandBehavior.Default, io).ConfigureAwait(false);
            try
            {
                Dictionary<string, object?>? row = null;
                if (await Driver.ReadAsync(reader, io).ConfigureAwait(false))
                {
                    row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                scope.Succeeded(row is null ? 0 : 1, written: false);
                return row;
            }
            finally
            {
                await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            throw Failed(scope, guard?.Explain(exception, statement, cancellationToken) ?? exception, statement);
        }
        finally
        {
            guard?.Dispose();
            await Driver.DisposeAsync(command, io).ConfigureAwait(false);
        }
    }

    private static Exception Failed(CommandScope scope, Exception exception, SqlStatement statement)
    {
        var translated = exception is OperationCanceledException ? exception : ServerErrors.TranslateAny(exception, null, statement, null);
        scope.Failed(translated);
        return translated;
    }
}
