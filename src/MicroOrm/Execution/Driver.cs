using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Every call into MySqlConnector that does I/O, in the I/O mode asked for: its synchronous method or its
/// asynchronous one. No token is handed to MySqlConnector (MicroOrm runs timeouts and cancellation itself; see
/// <see cref="CommandGuard"/>), so the asynchronous calls take <see cref="CancellationToken.None"/>.
/// </summary>
internal static class Driver
{
    public static ValueTask<MySqlConnection> OpenAsync(MySqlDataSource dataSource, IOBehavior io, CancellationToken cancellationToken) =>
        io == IOBehavior.Asynchronous ? dataSource.OpenConnectionAsync(cancellationToken) : new(dataSource.OpenConnection());

    public static ValueTask CloseAsync(MySqlConnection connection, IOBehavior io)
    {
        if (io == IOBehavior.Asynchronous) return connection.DisposeAsync();
        connection.Dispose();
        return default;
    }

    public static ValueTask<MySqlDataReader> ExecuteReaderAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io) =>
        io == IOBehavior.Asynchronous ? new(command.ExecuteReaderAsync(behavior, CancellationToken.None)) : new(command.ExecuteReader(behavior));

    public static ValueTask<int> ExecuteNonQueryAsync(MySqlCommand command, IOBehavior io) =>
        io == IOBehavior.Asynchronous ? new(command.ExecuteNonQueryAsync(CancellationToken.None)) : new(command.ExecuteNonQuery());

    public static ValueTask<object?> ExecuteScalarAsync(MySqlCommand command, IOBehavior io) =>
        io == IOBehavior.Asynchronous ? new(command.ExecuteScalarAsync(CancellationToken.None)) : new(command.ExecuteScalar());

    public static ValueTask<bool> ReadAsync(MySqlDataReader reader, IOBehavior io) =>
        io == IOBehavior.Asynchronous ? new(reader.ReadAsync(CancellationToken.None)) : new(reader.Read());

    public static ValueTask<bool> NextResultAsync(MySqlDataReader reader, IOBehavior io) =>
        io == IOBehavior.Asynchronous ? new(reader.NextResultAsync(CancellationToken.None)) : new(reader.NextResult());

    public static ValueTask DisposeAsync(MySqlDataReader reader, IOBehavior io)
    {
        if (io == IOBehavior.Asynchronous) return reader.DisposeAsync();
        reader.Dispose();
        return default;
    }

    public static ValueTask DisposeAsync(MySqlCommand command, IOBehavior io)
    {
        if (io == IOBehavior.Asynchronous) return command.DisposeAsync();
        command.Dispose();
        return default;
    }

    public static ValueTask<MySqlTransaction> BeginTransactionAsync(MySqlConnection connection, IsolationLevel isolationLevel, bool isReadOnly, IOBehavior io) =>
        io == IOBehavior.Asynchronous
            ? connection.BeginTransactionAsync(isolationLevel, isReadOnly, CancellationToken.None)
            : new(connection.BeginTransaction(isolationLevel, isReadOnly));

    public static ValueTask CommitAsync(MySqlTransaction transaction, IOBehavior io)
    {
        if (io == IOBehavior.Asynchronous) return new(transaction.CommitAsync(CancellationToken.None));
        transaction.Commit();
        return default;
    }

    public static ValueTask RollbackAsync(MySqlTransaction transaction, IOBehavior io)
    {
        if (io == IOBehavior.Asynchronous) return new(transaction.RollbackAsync(CancellationToken.None));
        transaction.Rollback();
        return default;
    }

    public static ValueTask DisposeAsync(MySqlTransaction transaction, IOBehavior io)
    {
        if (io == IOBehavior.Asynchronous) return transaction.DisposeAsync();
        transaction.Dispose();
        return default;
    }
}
