using System;
using System.Data;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm;

/// <summary>
/// A database transaction, begun with <see cref="DatabaseContext.BeginTransactionAsync"/>. While it is open, every
/// query and write made through the database object in the same async flow runs on its connection. Disposing it
/// without <see cref="CommitAsync(CancellationToken)"/> rolls it back. Beginning a transaction inside another makes a nested scope
/// backed by a savepoint: its rollback undoes only its own work.
/// </summary>
public sealed class Transaction : RawSqlCommands, IAsyncDisposable, IDisposable, ILeaseOwner
{
    private readonly CommandExecutor _executor;
    private readonly Transaction _root;
    private readonly string? _savepoint;
    private ConnectionLease _lease;
    private MySqlTransaction? _transaction;
    private int _busy;
    private State _state;
    private RawSqlRunner? _raw;

    internal Transaction(CommandExecutor executor, Transaction? parent, IsolationLevel isolationLevel, bool isReadOnly)
    {
        _executor = executor;
        Parent = parent;
        _root = parent?._root ?? this;
        Depth = parent is null ? 0 : parent.Depth + 1;
        IsolationLevel = isolationLevel;
        IsReadOnly = isReadOnly || (parent?.IsReadOnly ?? false);
        _savepoint = parent is null ? null : "`microorm_sp" + Depth.ToString(CultureInfo.InvariantCulture) + "`";
    }

    private enum State
    {
        Starting,
        Active,
        Committed,
        RolledBack,
        Failed,
    }

    /// <summary>The enclosing transaction of a nested scope, or <see langword="null"/>.</summary>
    public Transaction? Parent { get; }

    /// <summary>0 for a transaction, 1 for a scope nested in it, and so on.</summary>
    public int Depth { get; }

    /// <summary>The isolation level the transaction was begun with.</summary>
    public IsolationLevel IsolationLevel { get; }

    /// <summary>Whether the server runs the transaction as <c>READ ONLY</c>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Whether the transaction can still run commands: begun, and neither committed nor rolled back.</summary>
    public bool IsActive => _state == State.Active && (Parent is null || Parent.IsActive);

    internal MySqlConnection Connection => _root._lease.Connection;

    private protected override RawSqlRunner Raw => _raw ??= new RawSqlRunner(_executor, this);

    /// <summary>Commits the transaction, or releases a nested scope's savepoint into its parent.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) => CommitAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="CommitAsync(CancellationToken)"/>
    public void Commit() => Synchronously.Wait(CommitAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Rolls the transaction back, or a nested scope back to its savepoint.</summary>
    public Task RollbackAsync(CancellationToken cancellationToken = default) => RollbackAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="RollbackAsync(CancellationToken)"/>
    public void Rollback() => Synchronously.Wait(RollbackAsync(IOBehavior.Synchronous, CancellationToken.None));

    internal async ValueTask RollbackAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        EnsureActive("roll back");
        await RollbackCoreAsync(io, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rolls back unless committed, and ends the scope: commands after it run outside the transaction.</summary>
    public ValueTask DisposeAsync() => DisposeAsync(IOBehavior.Asynchronous);

    /// <inheritdoc cref="DisposeAsync()"/>
    public void Dispose() => Synchronously.Wait(DisposeAsync(IOBehavior.Synchronous));

    internal ValueTask DisposeAsync(IOBehavior io)
    {
        // Not an async method: restoring the ambient scope must happen in the caller's execution context.
        _executor.EndAmbient(this);
        return DisposeCoreAsync(io);
    }

    internal async ValueTask CommitAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        EnsureActive("commit");
        if (_savepoint is not null)
        {
            await RunControlAsync(SessionSql.ReleaseSavepoint(_savepoint!), io, cancellationToken).ConfigureAwait(false);
            _state = State.Committed;
            return;
        }

        var scope = ServerTelemetry.Start(SessionSql.Commit, null);
        // The session's id on the server, read while the connection is known to be open: if the COMMIT's outcome is
        // lost, that session may still be committing, and whoever checks the outcome must first wait for it to end.
        var session = _lease.Connection.ServerThread;
        var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // A COMMIT is never cancelled half-way (its outcome would be unknown): the token is checked before it is sent.
            cancellationToken.ThrowIfCancellationRequested();
            await Driver.CommitAsync(_transaction!, io).ConfigureAwait(false);
            _state = State.Committed;
            scope.Succeeded(0, written: false);
            if (!IsReadOnly && _executor.Routing is { HasReaders: true } topology)
            {
                // Before the session goes back to the pool: the position of the commit is read on it.
                await topology.RecordWriteAsync(_lease, _executor.Writes, io, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            _state = State.Failed;
            var failure = CommitFailed(exception, session, sentAt);
            scope.Failed(failure);
            throw failure;
        }
        finally
        {
            if (_state != State.Active) await ReleaseAsync(io).ConfigureAwait(false);
        }
    }

    internal async ValueTask<Transaction> StartAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        try
        {
            if (_savepoint is null)
            {
                _lease = await _executor.Source.AcquireAsync(io, cancellationToken).ConfigureAwait(false);
                var scope = ServerTelemetry.Start(IsReadOnly ? SessionSql.StartReadOnly : SessionSql.Start, null);
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _transaction = await Driver.BeginTransactionAsync(_lease.Connection, IsolationLevel, IsReadOnly, io).ConfigureAwait(false);
                    scope.Succeeded(0, written: false);
                }
                catch (Exception exception)
                {
                    Failed(scope, exception);
                    throw;
                }
            }
            else
            {
                if (Parent is not { IsActive: true }) throw new InvalidOperationException("The enclosing transaction has already ended.");
                await RunControlAsync(SessionSql.Savepoint(_savepoint!), io, cancellationToken).ConfigureAwait(false);
            }

            _state = State.Active;
            return this;
        }
        catch
        {
            _state = State.Failed;
            _executor.EndAmbient(this);
            if (_savepoint is null) await ReleaseAsync(io).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The telemetry of the server the transaction's connection is on (with a topology, one of its servers).</summary>
    private Diagnostics.CommandTelemetry ServerTelemetry => _root._lease.Origin?.Telemetry ?? _executor.Telemetry;

    /// <summary>Lends the root connection to one command; a second command at the same time fails fast.</summary>
    internal ConnectionLease LeaseForCommand()
    {
        if (!IsActive) throw new InvalidOperationException("The transaction has already ended; begin a new one.");
        if (Interlocked.Exchange(ref _root._busy, 1) == 1)
        {
            throw new InvalidOperationException(
                "The transaction's connection is already running a command. A transaction runs one command at a time: await each call before starting the next, and do not share a transaction between parallel tasks.");
        }

        return new ConnectionLease(_root._lease.Connection, _root._transaction, closeOnRelease: false, owner: _root, commands: _root._lease.Commands, origin: _root._lease.Origin);
    }

    void ILeaseOwner.EndCommand() => Volatile.Write(ref _busy, 0);

    internal void EndCommand() => Volatile.Write(ref _busy, 0);

    private async ValueTask DisposeCoreAsync(IOBehavior io)
    {
        if (_state == State.Active)
        {
            try
            {
                await RollbackCoreAsync(io, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is MicroOrmException or MySqlException or System.IO.IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                // The connection is broken: the server rolls the transaction back when the session ends.
                _state = State.Failed;
                if (_savepoint is null) await ReleaseAsync(io).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask RollbackCoreAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (_savepoint is not null)
        {
            await RunControlAsync(SessionSql.RollbackToSavepoint(_savepoint!), io, cancellationToken).ConfigureAwait(false);
            _state = State.RolledBack;
            return;
        }

        var scope = ServerTelemetry.Start(SessionSql.Rollback, null);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Driver.RollbackAsync(_transaction!, io).ConfigureAwait(false);
            _state = State.RolledBack;
            scope.Succeeded(0, written: false);
        }
        catch (Exception exception)
        {
            Failed(scope, exception);
            throw;
        }
        finally
        {
            if (_state != State.RolledBack) _state = State.Failed;
            await ReleaseAsync(io).ConfigureAwait(false);
        }
    }

    private async ValueTask RunControlAsync(string sql, IOBehavior io, CancellationToken cancellationToken)
    {
        var lease = _root.LeaseForCommand();
        var statement = new SqlStatement(sql, []);
        var scope = ServerTelemetry.Start(statement, null);
        var command = new MySqlCommand(sql, lease.Connection, lease.Transaction);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Driver.ExecuteNonQueryAsync(command, io).ConfigureAwait(false);
            scope.Succeeded(0, written: false);
        }
        catch (Exception exception)
        {
            Failed(scope, exception);
            throw;
        }
        finally
        {
            await Driver.DisposeAsync(command, io).ConfigureAwait(false);
            _root.EndCommand();
        }
    }

    private async ValueTask ReleaseAsync(IOBehavior io)
    {
        if (_transaction is not null)
        {
            await Driver.DisposeAsync(_transaction, io).ConfigureAwait(false);
            _transaction = null;
        }

        if (_lease.Connection is not null)
        {
            await _lease.ReleaseAsync(io).ConfigureAwait(false);
            _lease = default;
        }
    }

    private void EnsureActive(string action)
    {
        if (_state != State.Active)
        {
            throw new InvalidOperationException($"Cannot {action}: the transaction has already {(_state == State.Committed ? "been committed" : "ended")}.");
        }

        if (Parent is { IsActive: false })
        {
            throw new InvalidOperationException($"Cannot {action}: the enclosing transaction has already ended.");
        }
    }

    /// <summary>Records a failed transaction statement; a server error or broken connection is thrown from here as a <see cref="MicroOrmException"/>.</summary>
    private void Failed(in Diagnostics.CommandScope scope, Exception exception) =>
        _executor.Failed(scope, null, exception, scope.Statement, null, CancellationToken.None);

    private static MicroOrmException CommitFailed(Exception exception, int session, long sentAt) =>
        exception is MySqlException { Number: > 0 and < 2000 } server
            ? new MicroOrmException($"The server refused the commit (server error {server.Number}); the transaction was rolled back.", exception, SqlBuilding.SessionSql.Commit.Text, null, null, server.Number)
            : new CommitOutcomeUnknownException(exception) { ServerSession = session, SentAt = sentAt };
}
