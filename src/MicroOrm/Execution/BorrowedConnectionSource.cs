using System;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Runs every operation on one connection the caller opened and owns. A connection runs one command at a time, so a
/// second operation started before the first ends fails fast, before anything is sent.
/// </summary>
internal sealed class BorrowedConnectionSource : ConnectionSource, ILeaseOwner
{
    private readonly MySqlConnection _connection;
    private readonly CommandCache _commands = new();
    private int _busy;

    public BorrowedConnectionSource(MySqlConnection connection, MicroOrmOptions options)
        : this(connection, options, new MySqlConnectionStringBuilder(connection.ConnectionString))
    {
    }

    private BorrowedConnectionSource(MySqlConnection connection, MicroOrmOptions options, MySqlConnectionStringBuilder settings)
        : base(options, settings)
    {
        _connection = connection;
        // The caller owns this session and may change its sql_mode at any time: check it every time it matters.
        Backslashes = new BackslashGuard(settings.NoBackslashEscapes, cacheBySession: false);
    }

    public override string DatabaseName => _connection.Database;

    internal override BackslashGuard Backslashes { get; }

    internal override ValueTask<ConnectionLease> AcquireAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_connection.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection given to FromConnection must be open; open it before using the database object.");
        }

        // Before the connection is marked busy, so that a server refused for its version leaves it free.
        if (Dialect is null) LearnDialect(_connection);
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            throw new InvalidOperationException(
                "The connection given to FromConnection is already running a command. It runs one command at a time: await each call before starting the next, or connect with a connection string to get a pool.");
        }

        return new ValueTask<ConnectionLease>(new ConnectionLease(_connection, transaction: null, closeOnRelease: false, owner: this, commands: _commands, origin: this));
    }

    void ILeaseOwner.EndCommand() => Volatile.Write(ref _busy, 0);

    /// <summary>Disposes the cached commands; the connection stays the caller's, open.</summary>
    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override void Dispose() => _commands.Clear();
}
