using System;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>Runs every operation on one connection the caller opened and owns.</summary>
internal sealed class BorrowedConnectionSource : ConnectionSource
{
    private readonly MySqlConnection _connection;

    public BorrowedConnectionSource(MySqlConnection connection) => _connection = connection;

    public override string DatabaseName => _connection.Database;

    internal override ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection given to FromConnection must be open; open it before using the database object.");
        }

        return new ValueTask<ConnectionLease>(new ConnectionLease(_connection, transaction: null, closeOnRelease: false));
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
