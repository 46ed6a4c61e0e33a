using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// The one place where MicroOrm sends a command: it picks the connection (the ambient transaction's, or a lease
/// from the source), binds the parameters, runs the command, hands the reader to a row reader, and turns server
/// errors into <see cref="MicroOrmException"/>s that name the table, the column and the error number.
/// </summary>
internal sealed class CommandExecutor
{
    private readonly AsyncLocal<Transaction?> _ambient = new();

    public CommandExecutor(ConnectionSource source) => Source = source;

    public ConnectionSource Source { get; }

    public CommandTelemetry Telemetry => Source.Telemetry;

    /// <summary>The innermost active transaction of the current async flow.</summary>
    public Transaction? CurrentTransaction
    {
        get
        {
            var transaction = _ambient.Value;
            while (transaction is { IsActive: false }) transaction = transaction.Parent;
            return transaction;
        }
    }

    /// <summary>
    /// Begins a transaction (or a savepoint scope inside the current one) and makes it ambient. Not an async method:
    /// the ambient value is set in the caller's execution context, so it stays set after the caller's await.
    /// </summary>
    public ValueTask<Transaction> BeginTransactionAsync(IsolationLevel isolationLevel, bool isReadOnly, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = new Transaction(this, CurrentTransaction, isolationLevel, isReadOnly);
        _ambient.Value = transaction;
        return transaction.StartAsync(cancellationToken);
    }

    /// <summary>Ends <paramref name="transaction"/>'s ambient scope, making its parent current again.</summary>
    public void EndAmbient(Transaction transaction)
    {
        if (ReferenceEquals(_ambient.Value, transaction)) _ambient.Value = transaction.Parent;
    }

    public Task<List<T>> ListAsync<T>(SqlStatement statement, RowReader<T> rowReader, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        ListCoreAsync(statement, rowReader, null, table, transaction, keepRows: true, cancellationToken);

    public Task<List<T>> ListAsync<T>(SqlStatement statement, Func<DbDataReader, RowReader<T>> readerFactory, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        ListCoreAsync(statement, null, readerFactory, table, transaction, keepRows: true, cancellationToken);

    /// <summary>Hands every row to <paramref name="visitor"/> and keeps nothing: for readers that fold rows into objects of their own.</summary>
    public Task ReadEachAsync<T>(SqlStatement statement, RowReader<T> visitor, TableInfo? table, CancellationToken cancellationToken) =>
        ListCoreAsync(statement, visitor, null, table, null, keepRows: false, cancellationToken);

    public IAsyncEnumerable<T> StreamAsync<T>(SqlStatement statement, RowReader<T> rowReader, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        StreamCoreAsync(statement, rowReader, null, table, transaction, cancellationToken);

    public IAsyncEnumerable<T> StreamAsync<T>(SqlStatement statement, Func<DbDataReader, RowReader<T>> readerFactory, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        StreamCoreAsync(statement, null, readerFactory, table, transaction, cancellationToken);

    /// <summary>Opens a reader for a command that may return several result sets; the caller disposes it.</summary>
    public async Task<OpenReader> OpenReaderAsync(SqlStatement statement, Transaction? transaction, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(transaction, cancellationToken).ConfigureAwait(false);
        LeasedCommand? leased = null;
        var scope = default(CommandScope);
        try
        {
            leased = await CreateCommandAsync(lease, statement, cancellationToken).ConfigureAwait(false);
            var command = leased.Value.Command;
            scope = Telemetry.Start(statement, null);
            MySqlDataReader reader;
            using (var guard = CommandGuard.Start(command, cancellationToken, Source.CommandTimeoutSeconds))
            {
                try
                {
                    reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    Failed(scope, guard, exception, statement, null, cancellationToken);
                    throw;
                }
            }

            return new OpenReader(lease, leased.Value, reader, statement, scope, this);
        }
        catch
        {
            if (leased is { } failed) await failed.DisposeAsync().ConfigureAwait(false);
            await lease.ReleaseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The first row read with <paramref name="rowReader"/>, or the default when there is none.</summary>
    public Task<T?> FirstOrDefaultAsync<T>(SqlStatement statement, RowReader<T> rowReader, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        FirstOrDefaultCoreAsync(statement, rowReader, null, table, transaction, cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(SqlStatement statement, Func<DbDataReader, RowReader<T>> readerFactory, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        FirstOrDefaultCoreAsync(statement, null, readerFactory, table, transaction, cancellationToken);

    private async Task<T?> FirstOrDefaultCoreAsync<T>(SqlStatement statement, RowReader<T>? rowReader, Func<DbDataReader, RowReader<T>>? readerFactory, TableInfo? table, Transaction? transaction, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var leased = await CreateCommandAsync(lease, statement, cancellationToken).ConfigureAwait(false);
            var command = leased.Command;
            var scope = Telemetry.Start(statement, table);
            using var guard = CommandGuard.Start(command, cancellationToken, Source.CommandTimeoutSeconds);
            try
            {
                T? row = default;
                var found = false;
                await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, CancellationToken.None).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        row = (rowReader ?? readerFactory!(reader)).Read(reader);
                        found = true;
                    }

                    await FinishAsync(reader).ConfigureAwait(false);
                }

                scope.Succeeded(found ? 1 : 0, written: false);
                return row;
            }
            catch (Exception exception)
            {
                Failed(scope, guard, exception, statement, table, cancellationToken);
                throw;
            }
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row, read as <typeparamref name="T"/>; an <see cref="InvalidOperationException"/> when there is no row.</summary>
    public async Task<T> ScalarAsync<T>(SqlStatement statement, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var leased = await CreateCommandAsync(lease, statement, cancellationToken).ConfigureAwait(false);
            var command = leased.Command;
            var scope = Telemetry.Start(statement, table);
            using var guard = CommandGuard.Start(command, cancellationToken, Source.CommandTimeoutSeconds);
            try
            {
                T value = default!;
                var found = false;
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        value = ValueReader.Read<T>(reader, 0, null);
                        found = true;
                    }

                    await FinishAsync(reader).ConfigureAwait(false);
                }

                scope.Succeeded(found ? 1 : 0, written: false);
                // No row is not a row holding the default: a caller reading 0 or null could not tell them apart.
                return found ? value : throw new InvalidOperationException("The query returned no row, so it has no scalar value: " + statement.Text);
            }
            catch (Exception exception)
            {
                Failed(scope, guard, exception, statement, table, cancellationToken);
                throw;
            }
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it matched.</summary>
    public async Task<int> ExecuteAsync(SqlStatement statement, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null) =>
        (await ExecuteWithIdAsync(statement, table, cancellationToken, transaction).ConfigureAwait(false)).Rows;

    /// <summary>Runs a statement that returns no rows; returns the rows it matched and the first AUTO_INCREMENT value it generated.</summary>
    public async Task<(int Rows, long LastInsertedId)> ExecuteWithIdAsync(SqlStatement statement, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var leased = await CreateCommandAsync(lease, statement, cancellationToken).ConfigureAwait(false);
            var command = leased.Command;
            var scope = Telemetry.Start(statement, table);
            using var guard = CommandGuard.Start(command, cancellationToken, Source.CommandTimeoutSeconds);
            try
            {
                var rows = await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                scope.Succeeded(Math.Max(rows, 0), written: true);
                return (rows, command.LastInsertedId);
            }
            catch (Exception exception)
            {
                Failed(scope, guard, exception, statement, table, cancellationToken);
                throw;
            }
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task<List<T>> ListCoreAsync<T>(
        SqlStatement statement, RowReader<T>? rowReader, Func<DbDataReader, RowReader<T>>? readerFactory, TableInfo? table, Transaction? transaction, bool keepRows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var leased = await CreateCommandAsync(lease, statement, cancellationToken).ConfigureAwait(false);
            var command = leased.Command;
            var scope = Telemetry.Start(statement, table);
            using var guard = CommandGuard.Start(command, cancellationToken, Source.CommandTimeoutSeconds);
            try
            {
                var list = new List<T>();
                var count = 0;
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    var rows = rowReader ?? readerFactory!(reader);
                    while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        // Rows that have already arrived are not stopped by the kill on the server: the token is checked here too.
                        cancellationToken.ThrowIfCancellationRequested();
                        var row = rows.Read(reader);
                        if (keepRows) list.Add(row);
                        count++;
                    }

                    await FinishAsync(reader).ConfigureAwait(false);
                }

                scope.Succeeded(count, written: false);
                return list;
            }
            catch (Exception exception)
            {
                Failed(scope, guard, exception, statement, table, cancellationToken);
                throw;
            }
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<T> StreamCoreAsync<T>(
        SqlStatement statement, RowReader<T>? rowReader, Func<DbDataReader, RowReader<T>>? readerFactory, TableInfo? table, Transaction? transaction,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(transaction, cancellationToken).ConfigureAwait(false);
        var scope = default(CommandScope);
        var count = 0L;
        var ended = false;
        try
        {
            await using var leased = await CreateCommandAsync(lease, statement, cancellationToken).ConfigureAwait(false);
            var command = leased.Command;
            scope = Telemetry.Start(statement, table);
            using var guard = CommandGuard.Start(command, cancellationToken, Source.CommandTimeoutSeconds);
            MySqlDataReader reader;
            try
            {
                reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                ended = true;
                Failed(scope, guard, exception, statement, table, cancellationToken);
                throw;
            }

            var finished = false;
            try
            {
                var rows = rowReader ?? readerFactory!(reader);
                while (true)
                {
                    bool more;
                    try
                    {
                        // Rows that have already arrived are not stopped by the kill on the server: the token is
                        // checked before each one.
                        cancellationToken.ThrowIfCancellationRequested();
                        // The timeout counts the server's time for each row, not the consumer's between rows.
                        guard?.Restart();
                        more = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                        if (!more) await FinishAsync(reader).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        ended = true;
                        Failed(scope, guard, exception, statement, table, cancellationToken);
                        throw;
                    }

                    if (!more) break;
                    count++;
                    yield return rows.Read(reader);
                }

                finished = true;
            }
            finally
            {
                // A consumer that stops early still hears of a statement of the command that failed after its rows.
                if (!finished && !ended && !cancellationToken.IsCancellationRequested)
                {
                    // Marked ended first: when finishing throws, its failure is what the span records.
                    ended = true;
                    ended = await FinishEarlyAsync(reader, scope, guard, statement, table, cancellationToken).ConfigureAwait(false);
                }

                await DisposeQuietlyAsync(reader).ConfigureAwait(false);
            }
        }
        finally
        {
            // A consumer that stops early still ends the command: the rows it took are the rows read.
            if (!ended && scope.IsStarted) scope.Succeeded(count, written: false);
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads past the result sets the caller did not ask for. MySqlConnector's own dispose does this too, but it
    /// swallows an error there (a later statement of the command that failed); reading them here throws it, so the
    /// caller hears of it.
    /// </summary>
    internal static async ValueTask FinishAsync(MySqlDataReader reader)
    {
        while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// Finishes a reader whose consumer stopped before its end: a server error in what is left (a later statement
    /// that failed) is recorded and thrown; a connection lost meanwhile is recorded on the span but not thrown, since
    /// the consumer has what it asked for and the broken session is discarded when the lease is released. Returns
    /// whether the command failed.
    /// </summary>
    internal async ValueTask<bool> FinishEarlyAsync(MySqlDataReader reader, CommandScope scope, CommandGuard? guard, SqlStatement statement, TableInfo? table, CancellationToken cancellationToken)
    {
        try
        {
            await FinishAsync(reader).ConfigureAwait(false);
            return false;
        }
        catch (MySqlException exception) when (exception.Number is > 0 and < 2000)
        {
            Failed(scope, guard, exception, statement, table, cancellationToken);
            throw;
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            if (scope.IsStarted) scope.Failed(ServerErrors.TranslateAny(exception, statement, table, Telemetry.Sensitive));
            return true;
        }
    }

    /// <summary>
    /// Disposes a reader whose consumer is done with it. Disposing reads what is left of the results; if the connection
    /// broke meanwhile that fails, and the consumer, which has what it asked for, is not told: the broken session is
    /// discarded when the lease is released.
    /// </summary>
    internal static async ValueTask DisposeQuietlyAsync(MySqlDataReader reader)
    {
        try
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
        }
    }

    /// <summary>The explicit transaction's connection, else the ambient transaction's, else a lease from the source.</summary>
    private ValueTask<ConnectionLease> AcquireAsync(Transaction? explicitTransaction, CancellationToken cancellationToken) =>
        (explicitTransaction ?? CurrentTransaction) is { } transaction
            ? new ValueTask<ConnectionLease>(transaction.LeaseForCommand())
            : Source.AcquireAsync(cancellationToken);

    private async ValueTask<LeasedCommand> CreateCommandAsync(ConnectionLease lease, SqlStatement statement, CancellationToken cancellationToken)
    {
        await Source.Backslashes.CheckAsync(lease.Connection, lease.Transaction, statement, cancellationToken).ConfigureAwait(false);
        Source.Backslashes.Forget(lease.Connection, statement);
        return CreateCommand(lease, statement);
    }

    /// <summary>
    /// Records a failed command and throws what the caller should see: <see cref="OperationCanceledException"/> when
    /// the caller cancelled, the timeout error when the command timeout passed, a <see cref="MicroOrmException"/>
    /// without values for a server error. Anything else returns, and the caller rethrows it unchanged.
    /// </summary>
    internal void Failed(in CommandScope scope, CommandGuard? guard, Exception exception, SqlStatement statement, TableInfo? table, CancellationToken cancellationToken)
    {
        var thrown = guard?.Explain(exception, statement, cancellationToken)
            ?? ServerErrors.TranslateAny(exception, statement, table, Telemetry.Sensitive);
        if (scope.IsStarted) scope.Failed(thrown);
        if (!ReferenceEquals(thrown, exception)) throw thrown;
    }

    private static LeasedCommand CreateCommand(in ConnectionLease lease, SqlStatement statement) =>
        lease.Commands is { } cache
            ? new LeasedCommand(cache.Get(lease.Connection, lease.Transaction, statement), cached: true)
            : new LeasedCommand(CommandFactory.Create(lease.Connection, lease.Transaction, statement), cached: false);
}
