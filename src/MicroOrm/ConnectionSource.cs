using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Configuration;
using MicroOrm.Diagnostics;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm;

/// <summary>
/// Where a database object gets its connections: a pool it owns (from a connection string or options), a
/// <see cref="MySqlDataSource"/> shared with other code, or one open connection lent by the caller. The source also
/// carries the behaviour options (logging, slow-command threshold, retries, clock) of the database objects using it.
/// </summary>
public abstract class ConnectionSource : IAsyncDisposable, IDisposable
{
    private SqlDialect? _dialect;

    private protected ConnectionSource(MicroOrmOptions options, MySqlConnectionStringBuilder settings)
    {
        Options = options;
        _dialect = SqlDialect.For(options.Dialect);
        CommandTimeoutSeconds = (int)settings.DefaultCommandTimeout;
        Telemetry = new CommandTelemetry(options, settings.Database, ServerAddressOf(settings), (int)settings.Port);
    }

    /// <summary>A pool of connections to the server described by <paramref name="connectionString"/>, owned by the source.</summary>
    /// <exception cref="MicroOrmConfigurationException">The connection string is empty or has a key MySqlConnector does not know.</exception>
    public static ConnectionSource FromConnectionString(string connectionString) =>
        FromOptions(new MicroOrmOptions { ConnectionString = connectionString });

    /// <summary>
    /// A pool built from <paramref name="options"/>: its connection string, overridden by the pool, timeout and TLS
    /// settings given. Every setting is checked here; the first one out of range is reported by name. With a
    /// <see cref="MicroOrmOptions.Topology"/> that names failover servers or replicas, one pool per server, each with
    /// those settings, and routing between them.
    /// </summary>
    /// <exception cref="MicroOrmConfigurationException">A setting is missing or out of range.</exception>
    public static ConnectionSource FromOptions(MicroOrmOptions options)
    {
        var settings = OptionsValidator.ConnectionSettings(options);
        var copy = options.Clone();
        if (!HasServers(copy.Topology)) return PooledConnectionSource.Owned(settings.ConnectionString, copy);
        if (settings.Server.Contains(',', StringComparison.Ordinal))
        {
            throw new MicroOrmConfigurationException(nameof(options.ConnectionString), $"names several servers ({settings.Server}) and the topology names more; give one server here, and the others as Topology.FailoverServers or Topology.Replicas.");
        }

        return Execution.Topology.TopologyConnectionSource.Owned(settings, copy);
    }

    /// <summary>
    /// Connections from an existing data source; disposing the source leaves the data source open. The connection
    /// settings are the data source's; from <paramref name="options"/> only the behaviour options apply.
    /// </summary>
    public static ConnectionSource FromDataSource(MySqlDataSource dataSource, MicroOrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return PooledConnectionSource.Shared(dataSource, BehaviourOnly(options));
    }

    /// <summary>
    /// Every operation runs on <paramref name="connection"/>, which the caller opened and will close. Like the
    /// connection itself, a database object made this way runs one operation at a time.
    /// </summary>
    public static ConnectionSource FromConnection(MySqlConnection connection, MicroOrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new BorrowedConnectionSource(connection, BehaviourOnly(options));
    }

    /// <summary>The name of the database the connections use, or an empty string.</summary>
    public abstract string DatabaseName { get; }

    /// <summary>The options the source was made with (a copy: changing the caller's object later changes nothing).</summary>
    internal MicroOrmOptions Options { get; }

    internal CommandTelemetry Telemetry { get; }

    /// <summary>How long a command may run, in seconds (0: no limit); MicroOrm enforces it itself (see <c>CommandGuard</c>).</summary>
    internal int CommandTimeoutSeconds { get; }

    /// <summary>Checks that backslashes in values are escaped the way the session reads them.</summary>
    internal abstract BackslashGuard Backslashes { get; }

    internal abstract ValueTask<ConnectionLease> AcquireAsync(IOBehavior io, CancellationToken cancellationToken);

    /// <summary>
    /// The dialect the options name, or else the one the first opened connection's handshake showed;
    /// <see langword="null"/> while no connection has been opened.
    /// </summary>
    internal SqlDialect? Dialect => Volatile.Read(ref _dialect);

    /// <summary>
    /// The dialect, known without a query: named in the options, or read from the version the server sent when the
    /// first connection opened. Only a source that has opened no connection yet leases one, once, to hear it.
    /// </summary>
    internal async ValueTask<SqlDialect> GetDialectAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (Dialect is { } known) return known;
        var lease = await AcquireAsync(io, cancellationToken).ConfigureAwait(false);
        await lease.ReleaseAsync(io).ConfigureAwait(false);
        return Dialect!;
    }

    /// <summary>
    /// Learns the dialect from <paramref name="connection"/>'s handshake, unless it is known. Throws
    /// <see cref="NotSupportedException"/> for a server MicroOrm does not write SQL for (a MySQL older than 8.0.19);
    /// the caller still owns the connection then, and must give it back. Several connections may race here: they
    /// come from one server and name the same dialect.
    /// </summary>
    private protected void LearnDialect(MySqlConnection connection)
    {
        if (Volatile.Read(ref _dialect) is null) Volatile.Write(ref _dialect, SqlDialect.FromServerVersion(connection.ServerVersion));
    }

    /// <summary>Releases the pool when the source owns it.</summary>
    public abstract ValueTask DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public abstract void Dispose();

    private static MicroOrmOptions BehaviourOnly(MicroOrmOptions? options)
    {
        if (options is null) return new MicroOrmOptions();
        // First, so that a topology with a missing list is named rather than read.
        OptionsValidator.Behaviour(options);
        if (HasServers(options.Topology))
        {
            throw new MicroOrmConfigurationException(nameof(options.Topology), "needs a pool per server, which MicroOrm builds from a connection string: use FromOptions (or Connect(options)), not a data source or a connection of your own.");
        }

        return options.Clone();
    }

    /// <summary>Whether a topology names any server beyond the connection string's (an empty one changes nothing).</summary>
    private static bool HasServers(TopologyOptions? topology) => topology is not null && (topology.FailoverServers.Count > 0 || topology.Replicas.Count > 0);

    // The first host of a "host1,host2" list: the one OpenTelemetry's server.address names.
    private protected static string ServerAddressOf(MySqlConnectionStringBuilder settings)
    {
        var server = settings.Server ?? "";
        var comma = server.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? server : server[..comma]).Trim();
    }
}
