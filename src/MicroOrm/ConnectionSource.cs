using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MySqlConnector;

namespace MicroOrm;

/// <summary>
/// Where a database object gets its connections: a pool it owns (from a connection string), a
/// <see cref="MySqlDataSource"/> shared with other code, or one open connection lent by the caller.
/// </summary>
public abstract class ConnectionSource : IAsyncDisposable
{
    private protected ConnectionSource()
    {
    }

    /// <summary>A pool of connections to the server described by <paramref name="connectionString"/>, owned by the source.</summary>
    public static ConnectionSource FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new PooledConnectionSource(new MySqlDataSource(connectionString), ownsDataSource: true);
    }

    /// <summary>Connections from an existing data source; disposing the source leaves the data source open.</summary>
    public static ConnectionSource FromDataSource(MySqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new PooledConnectionSource(dataSource, ownsDataSource: false);
    }

    /// <summary>
    /// Every operation runs on <paramref name="connection"/>, which the caller opened and will close. Like the
    /// connection itself, a database object made this way runs one operation at a time.
    /// </summary>
    public static ConnectionSource FromConnection(MySqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new BorrowedConnectionSource(connection);
    }

    /// <summary>The name of the database the connections use, or an empty string.</summary>
    public abstract string DatabaseName { get; }

    /// <summary>Checks that backslashes in values are escaped the way the session reads them.</summary>
    internal abstract BackslashGuard Backslashes { get; }

    internal abstract ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>Releases the pool when the source owns it.</summary>
    public abstract ValueTask DisposeAsync();
}
