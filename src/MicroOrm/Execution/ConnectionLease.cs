using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// A connection held for one operation. Pooled leases close (return to the pool) when released; a borrowed
/// connection or a transaction's connection stays open.
/// </summary>
internal readonly struct ConnectionLease
{
    public ConnectionLease(MySqlConnection connection, MySqlTransaction? transaction, bool closeOnRelease)
    {
        Connection = connection;
        Transaction = transaction;
        CloseOnRelease = closeOnRelease;
    }

    public MySqlConnection Connection { get; }

    public MySqlTransaction? Transaction { get; }

    public bool CloseOnRelease { get; }

    public ValueTask ReleaseAsync() => CloseOnRelease ? Connection.DisposeAsync() : ValueTask.CompletedTask;
}
