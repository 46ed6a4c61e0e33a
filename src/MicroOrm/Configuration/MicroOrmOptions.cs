using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace MicroOrm;

/// <summary>
/// How a database object connects and behaves: the server, the pool, timeouts, TLS, retries, logging. Every value is
/// checked when the database object is made; a value out of range fails there, naming the option and its range.
/// </summary>
public sealed class MicroOrmOptions
{
    /// <summary>A MySqlConnector connection string; the settings below override what it says.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Connections the pool keeps open even when idle (0 to 1,000).</summary>
    public int? MinimumPoolSize { get; set; }

    /// <summary>The most connections the pool opens (1 to 1,000, at least <see cref="MinimumPoolSize"/>); further opens wait for one to be released.</summary>
    public int? MaximumPoolSize { get; set; }

    /// <summary>How long opening a connection (or waiting for one from a full pool) may take (1 second to 1 hour).</summary>
    public TimeSpan? ConnectionTimeout { get; set; }

    /// <summary>How long one command may run before the server stops it (0, meaning no limit, to 1 day).</summary>
    public TimeSpan? CommandTimeout { get; set; }

    /// <summary>How long a connection may stay idle in the pool before it is closed (1 second to 1 day).</summary>
    public TimeSpan? ConnectionIdleTimeout { get; set; }

    /// <summary>Whether and how connections use TLS (MySqlConnector's <c>SslMode</c>: None, Preferred, Required, VerifyCA, VerifyFull).</summary>
    public MySqlSslMode? SslMode { get; set; }

    /// <summary>The certificate authority file that <c>VerifyCA</c> and <c>VerifyFull</c> check the server's certificate against.</summary>
    public string? SslCa { get; set; }

    /// <summary>How <c>RunInTransactionAsync</c> retries a unit of work after a transient failure.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Where MicroOrm logs each command (category <c>MicroOrm</c>); nothing is logged when <see langword="null"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Commands slower than this are logged as warnings (100 milliseconds to 1 hour; 1 second by default).</summary>
    public TimeSpan SlowCommandThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether logs and exceptions may show parameter values. Off by default: values can be secrets, so logs show
    /// the SQL with placeholders, and server errors that quote a value are rewritten without it.
    /// </summary>
    public bool EnableSensitiveDataLogging { get; set; }

    /// <summary>The server whose SQL is written; <see cref="ServerDialect.Detect"/> takes the version the server sends when the first connection opens.</summary>
    public ServerDialect Dialect { get; set; } = ServerDialect.Detect;

    /// <summary>
    /// Failover servers, replicas or Galera nodes beside the connection string's server; <see langword="null"/> for
    /// one server, where nothing about routing is sent or checked.
    /// </summary>
    public TopologyOptions? Topology { get; set; }

    /// <summary>The clock for <c>[CreatedAt]</c> and <c>[UpdatedAt]</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// What sees every command before it is sent and after it ran or failed, in this order (see
    /// <see cref="ICommandInterceptor"/>). With dependency injection, <c>ICommandInterceptor</c> services are added after these.
    /// </summary>
    public IList<ICommandInterceptor> Interceptors { get; set; } = new List<ICommandInterceptor>();

    /// <summary>A copy, so that a database object keeps the settings it was made with.</summary>
    public MicroOrmOptions Clone()
    {
        var copy = (MicroOrmOptions)MemberwiseClone();
        copy.Retry = Retry.Clone();
        copy.Topology = Topology?.Clone();
        copy.Interceptors = new List<ICommandInterceptor>(Interceptors);
        return copy;
    }
}
