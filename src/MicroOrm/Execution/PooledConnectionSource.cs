using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Leases a pooled connection from a <see cref="MySqlDataSource"/> for each operation. A pool built from a connection
/// string is aligned, on first use, with the server's default sql_mode: when the server runs with NO_BACKSLASH_ESCAPES
/// and the connection string did not say so, the pool is rebuilt with <c>NoBackslashEscapes=true</c>, so values
/// containing backslashes are escaped the way the server reads them.
/// </summary>
internal sealed class PooledConnectionSource : ConnectionSource
{
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _alignment = new(1, 1);
    private MySqlDataSource _dataSource;
    private BackslashGuard _backslashes;
    private bool _aligned;

    /// <summary>A statement every new session runs once, before its first command; <see langword="null"/> for none.</summary>
    private readonly SqlStatement? _sessionSetup;

    private PooledConnectionSource(MySqlDataSource? dataSource, MicroOrmOptions options, MySqlConnectionStringBuilder settings, SqlStatement? sessionSetup = null)
        : base(options, settings)
    {
        _sessionSetup = sessionSetup;
        _ownsDataSource = dataSource is null;
        _dataSource = dataSource ?? Build(settings.ConnectionString);
        DatabaseName = settings.Database;
        MaximumPoolSize = settings.Pooling ? (int)settings.MaximumPoolSize : 0;
        ConnectionTimeout = TimeSpan.FromSeconds(settings.ConnectionTimeout);
        SslMode = settings.SslMode;
        // Only a pool built here hears of new sessions, which is what keeps a per-session cache honest.
        _backslashes = new BackslashGuard(settings.NoBackslashEscapes, cacheBySession: _ownsDataSource);
        _aligned = !_ownsDataSource;
    }

    /// <summary>A pool of its own, built from <paramref name="connectionString"/> and disposed with the source.</summary>
    public static PooledConnectionSource Owned(string connectionString, MicroOrmOptions options) =>
        new(null, options, new MySqlConnectionStringBuilder(connectionString));

    /// <summary>
    /// A pool of its own whose sessions each run <paramref name="sessionSetup"/> once, when opened. Its connection
    /// string should turn <c>ConnectionReset</c> off, or a reset would undo the setup between leases.
    /// </summary>
    public static PooledConnectionSource OwnedWithSetup(string connectionString, MicroOrmOptions options, SqlStatement sessionSetup) =>
        new(null, options, new MySqlConnectionStringBuilder(connectionString), sessionSetup);

    /// <summary>Connections from the caller's data source, which stays open when the source is disposed.</summary>
    public static PooledConnectionSource Shared(MySqlDataSource dataSource, MicroOrmOptions options) =>
        new(dataSource, options, new MySqlConnectionStringBuilder(dataSource.ConnectionString));

    public override string DatabaseName { get; }

    /// <summary>The most connections the pool opens (0 without pooling).</summary>
    public int MaximumPoolSize { get; }

    /// <summary>How long an open may wait.</summary>
    public TimeSpan ConnectionTimeout { get; }

    /// <summary>The TLS mode the connections ask for.</summary>
    public MySqlSslMode SslMode { get; }

    internal override BackslashGuard Backslashes => _backslashes;

    internal override async ValueTask<ConnectionLease> AcquireAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        try
        {
            if (!Volatile.Read(ref _aligned)) await AlignWithServerAsync(io, cancellationToken).ConfigureAwait(false);
            var dataSource = Volatile.Read(ref _dataSource);
            MySqlConnection connection;
            try
            {
                connection = await Driver.OpenAsync(dataSource, io, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(dataSource, Volatile.Read(ref _dataSource)))
            {
                // The pool was cleared (ClearAsync) between reading it and opening from it: open from the new one.
                connection = await Driver.OpenAsync(Volatile.Read(ref _dataSource), io, cancellationToken).ConfigureAwait(false);
            }

            if (Dialect is null) await LearnDialectAsync(connection, io).ConfigureAwait(false);
            return new ConnectionLease(connection, transaction: null, closeOnRelease: true, origin: this);
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            var failure = ConnectionErrors.Translate(exception, this);
            Telemetry.ConnectionFailed(failure);
            throw failure;
        }
    }

    /// <summary>
    /// Drops every pooled session and starts a new pool: after the server failed or was demoted, its sessions are dead
    /// or point at a server that no longer takes writes. Sessions leased now are closed when they are released.
    /// </summary>
    public async ValueTask ClearAsync(IOBehavior io)
    {
        if (!_ownsDataSource) return;
        if (io == IOBehavior.Asynchronous) await _alignment.WaitAsync().ConfigureAwait(false);
        else _alignment.Wait();
        try
        {
            var old = _dataSource;
            Volatile.Write(ref _dataSource, Build(old.ConnectionString));
            _backslashes = new BackslashGuard(new MySqlConnectionStringBuilder(old.ConnectionString).NoBackslashEscapes, cacheBySession: true);
            if (io == IOBehavior.Asynchronous) await old.DisposeAsync().ConfigureAwait(false);
            else old.Dispose();
        }
        finally
        {
            _alignment.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_ownsDataSource) await _dataSource.DisposeAsync().ConfigureAwait(false);
        _alignment.Dispose();
    }

    public override void Dispose()
    {
        if (_ownsDataSource) _dataSource.Dispose();
        _alignment.Dispose();
    }

    /// <summary>Learns the dialect from a connection just opened; one the server's version refuses goes back to the pool first.</summary>
    private async ValueTask LearnDialectAsync(MySqlConnection connection, IOBehavior io)
    {
        try
        {
            LearnDialect(connection);
        }
        catch (NotSupportedException)
        {
            await Driver.CloseAsync(connection, io).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A data source that tells the backslash guard of every new physical session it opens.</summary>
    private MySqlDataSource Build(string connectionString) =>
        new MySqlDataSourceBuilder(connectionString)
            .UseConnectionOpenedCallback(async (context, cancellationToken) =>
            {
                if ((context.Conditions & MySqlConnectionOpenedConditions.New) == 0) return;
                Volatile.Read(ref _backslashes).SessionOpened(context.Connection.ServerThread);
                if (_sessionSetup is { } setup)
                {
                    await using var command = CommandFactory.Create(context.Connection, null, setup);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            })
            .Build();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AlignWithServerAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (io == IOBehavior.Asynchronous) await _alignment.WaitAsync(cancellationToken).ConfigureAwait(false);
        else _alignment.Wait(cancellationToken);
        try
        {
            if (_aligned) return;
            var settings = new MySqlConnectionStringBuilder(_dataSource.ConnectionString);
            bool serverHasMode;
            var probe = await Driver.OpenAsync(_dataSource, io, cancellationToken).ConfigureAwait(false);
            try
            {
                serverHasMode = await BackslashGuard.QueryModeAsync(probe, null, io, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await Driver.CloseAsync(probe, io).ConfigureAwait(false);
            }

            if (serverHasMode != settings.NoBackslashEscapes)
            {
                settings.NoBackslashEscapes = serverHasMode;
                var old = _dataSource;
                Volatile.Write(ref _dataSource, Build(settings.ConnectionString));
                _backslashes = new BackslashGuard(serverHasMode, cacheBySession: true);
                if (io == IOBehavior.Asynchronous) await old.DisposeAsync().ConfigureAwait(false);
                else old.Dispose();
            }

            Volatile.Write(ref _aligned, true);
        }
        finally
        {
            _alignment.Release();
        }
    }
}
