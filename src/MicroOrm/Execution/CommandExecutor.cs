using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// The one place where MicroOrm sends a command. A <see cref="CommandRequest"/> goes through one pipeline, in either
/// I/O mode: the connection is picked (the transaction's, or a lease from the source), the backslash guard looks at
/// the values, the command is made and bound, its telemetry scope and its timeout and cancellation guard start, a
/// result handler reads what it returns, server errors become <see cref="MicroOrmException"/>s that name the table,
/// the column and the error number, and everything is released. Lists, first rows, scalars and statements are
/// handlers (<see cref="ICommandHandler{TResult}"/>); streams and multi-result readers keep the command open
/// (<see cref="RowCursor{T}"/>, <see cref="OpenReader"/>) and go through the same start, failure and release.
/// </summary>
internal sealed class CommandExecutor
{
    private readonly AsyncLocal<Transaction?> _ambient = new();
    private readonly AsyncLocal<bool> _primaryOnly = new();

    public CommandExecutor(ConnectionSource source)
    {
        Source = source;
        Topology = source as Topology.TopologyConnectionSource;
        ReadConsistency = Topology?.DefaultConsistency ?? ReadConsistency.ReadYourWrites;
    }

    public ConnectionSource Source { get; }

    /// <summary>The source as a topology, when the database has replicas, failover servers or Galera nodes; else <see langword="null"/>.</summary>
    public Topology.TopologyConnectionSource? Topology { get; }

    /// <summary>The writes this database object's reads must see (with a topology).</summary>
    public Topology.WriteHistory Writes { get; } = new();

    /// <summary>The consistency of this database object's reads, when a query names none.</summary>
    public ReadConsistency ReadConsistency { get; set; }

    /// <summary>
    /// Sends every read of the current async flow to the primary until disposed: for the questions MicroOrm asks the
    /// caller about a commit whose outcome was lost, which a replica could answer before the commit reaches it.
    /// </summary>
    public PrimaryScope ReadPrimaryOnly()
    {
        var previous = _primaryOnly.Value;
        _primaryOnly.Value = true;
        return new PrimaryScope(_primaryOnly, previous);
    }

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
    public ValueTask<Transaction> BeginTransactionAsync(IsolationLevel isolationLevel, bool isReadOnly, IOBehavior io, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = new Transaction(this, CurrentTransaction, isolationLevel, isReadOnly);
        _ambient.Value = transaction;
        return transaction.StartAsync(io, cancellationToken);
    }

    /// <summary>Ends <paramref name="transaction"/>'s ambient scope, making its parent current again.</summary>
    public void EndAmbient(Transaction transaction)
    {
        if (ReferenceEquals(_ambient.Value, transaction)) _ambient.Value = transaction.Parent;
    }

    /// <summary>The pipeline: runs <paramref name="request"/> and hands the command to <paramref name="handler"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResult> RunAsync<THandler, TResult>(CommandRequest request, THandler handler, IOBehavior io)
        where THandler : struct, ICommandHandler<TResult>
    {
        // With a topology, a command that failed on a server that is down, demoted or not ready runs once more, on
        // another server, when it cannot have taken effect: a read, or a write the server refused as read-only.
        for (var attempt = 1; ; attempt++)
        {
            var run = await StartAsync(request, io, handler.Writes).ConfigureAwait(false);
            try
            {
                Begin(ref run, request);
                var result = await handler.RunAsync(run.Command, request.Behavior, io, request.CancellationToken).ConfigureAwait(false);
                run.Scope.Succeeded(handler.RowsOf(result), handler.Writes);
                if (handler.Writes && Topology is { HasReaders: true } topology && run.Lease.Transaction is null)
                {
                    await topology.RecordWriteAsync(run.Lease, Writes, io, CancellationToken.None).ConfigureAwait(false);
                }

                return result;
            }
            catch (Exception exception) when (Topology is not null && ServerFailed(run.Lease, exception, handler.Writes) && attempt == 1 && !request.CancellationToken.IsCancellationRequested)
            {
                Recorded(run.Scope, run.Guard, exception, request);
            }
            catch (Exception exception)
            {
                Failed(run.Scope, run.Guard, exception, request);
                throw;
            }
            finally
            {
                await ReleaseAsync(run, io).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Tells the topology what a failure says about the server the command ran on (down, demoted, not ready), and
    /// whether running the command again elsewhere is safe: a read is; a write only when the server refused it as
    /// read-only or not ready, which proves it did not run. In a transaction nothing runs again here; a failure that
    /// sent the topology looking for a new primary is marked so that the unit of work runs again.
    /// </summary>
    private bool ServerFailed(in ConnectionLease lease, Exception exception, bool writes)
    {
        var topology = Topology!;
        if (topology.MemberOf(lease.Origin) is not { } member) return false;
        var primary = ReferenceEquals(member, topology.Primary);
        var refused = Execution.Topology.Failures.IsReadOnly(exception) || Execution.Topology.Failures.IsNotReady(exception);
        var unreachable = Execution.Topology.Failures.IsUnreachable(exception);
        if (!refused && !unreachable) return false;
        if (primary)
        {
            topology.PrimaryFailed(member);
            if (refused && topology.CanFailOver) exception.Data[Execution.Topology.Failures.FailedOverKey] = true;
        }
        else
        {
            topology.TakeOut(member, unreachable ? Execution.Topology.MemberHealth.Down : Execution.Topology.MemberHealth.NotSynced, exception.Message);
        }

        if (lease.Transaction is not null) return false;
        return !writes || (refused && primary && topology.CanFailOver);
    }

    public ValueTask<List<T>> ListAsync<T>(CommandRequest request, RowReader<T> rows, IOBehavior io) =>
        RunAsync<ListHandler<T>, List<T>>(request, new(rows, null), io);

    public ValueTask<List<T>> ListAsync<T>(CommandRequest request, ReaderFactory<T> readerFactory, IOBehavior io) =>
        RunAsync<ListHandler<T>, List<T>>(request, new(null, readerFactory), io);

    /// <summary>Hands every row to <paramref name="visitor"/> and keeps nothing: for readers that fold rows into objects of their own.</summary>
    public ValueTask<long> VisitAsync<T>(CommandRequest request, RowReader<T> visitor, IOBehavior io) =>
        RunAsync<VisitHandler<T>, long>(request, new(visitor), io);

    /// <summary>The first row read with <paramref name="rows"/>, or the default when there is none.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> FirstOrDefaultAsync<T>(CommandRequest request, RowReader<T> rows, IOBehavior io) =>
        (await RunAsync<FirstRowHandler<T>, (T?, bool)>(request, new(rows, null), io).ConfigureAwait(false)).Item1;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> FirstOrDefaultAsync<T>(CommandRequest request, ReaderFactory<T> readerFactory, IOBehavior io) =>
        (await RunAsync<FirstRowHandler<T>, (T?, bool)>(request, new(null, readerFactory), io).ConfigureAwait(false)).Item1;

    /// <summary>The first column of the first row, read as <typeparamref name="T"/>; an <see cref="InvalidOperationException"/> when there is no row.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T> ScalarAsync<T>(CommandRequest request, IOBehavior io)
    {
        var (value, found) = await RunAsync<ScalarHandler<T>, (T, bool)>(request, default, io).ConfigureAwait(false);
        // No row is not a row holding the default: a caller reading 0 or null could not tell them apart.
        return found ? value : throw new InvalidOperationException("The query returned no row, so it has no scalar value: " + request.Statement.Text);
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it matched.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ExecuteAsync(CommandRequest request, IOBehavior io) =>
        (await RunAsync<NonQueryHandler, (int, long)>(request, default, io).ConfigureAwait(false)).Item1;

    /// <summary>Runs a statement that returns no rows; returns the rows it matched and the first AUTO_INCREMENT value it generated.</summary>
    public ValueTask<(int Rows, long LastInsertedId)> ExecuteWithIdAsync(CommandRequest request, IOBehavior io) =>
        RunAsync<NonQueryHandler, (int, long)>(request, default, io);

    /// <summary>Runs an INSERT ... RETURNING of the generated key; returns each row's key, in row order.</summary>
    public ValueTask<List<long>> InsertReturningKeysAsync(CommandRequest request, IOBehavior io) =>
        RunAsync<InsertedKeysHandler, List<long>>(request, default, io);

    /// <summary>The rows of <paramref name="request"/> as they arrive, enumerable synchronously or asynchronously.</summary>
    public RowStream<T> Stream<T>(CommandRequest request, RowReader<T> rows) => new(this, request, rows, null);

    public RowStream<T> Stream<T>(CommandRequest request, ReaderFactory<T> readerFactory) => new(this, request, null, readerFactory);

    /// <summary>Opens a reader for a command that may return several result sets; the caller disposes it.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<OpenReader> OpenReaderAsync(CommandRequest request, IOBehavior io)
    {
        var run = await StartAsync(request, io).ConfigureAwait(false);
        MySqlDataReader reader;
        try
        {
            Begin(ref run, request);
            reader = await Driver.ExecuteReaderAsync(run.Command, request.Behavior, io).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            try
            {
                Failed(run.Scope, run.Guard, exception, request);
                throw;
            }
            finally
            {
                await ReleaseAsync(run, io).ConfigureAwait(false);
            }
        }

        // Each read from here on is guarded on its own, with the token it is given.
        run.Guard?.Dispose();
        run.Guard = null;
        return new OpenReader(this, run, reader, request);
    }

    /// <summary>
    /// The first steps of every command: the connection (the explicit or ambient transaction's, else a lease), the
    /// backslash check, the command with its parameters and the guard. The lease goes back if any step fails. The
    /// telemetry scope is begun by the caller (<see cref="Begin"/>), not here.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<RunningCommand> StartAsync(CommandRequest request, IOBehavior io, bool writes = false)
    {
        var cancellationToken = request.CancellationToken;
        cancellationToken.ThrowIfCancellationRequested();
        var lease = await AcquireAsync(request, writes, io, cancellationToken).ConfigureAwait(false);
        try
        {
            var statement = request.Statement;
            var backslashes = (lease.Origin ?? Source).Backslashes;
            await backslashes.CheckAsync(lease.Connection, lease.Transaction, statement, io, cancellationToken).ConfigureAwait(false);
            backslashes.Forget(lease.Connection, statement);
            var command = CreateCommand(lease, statement);
            return new RunningCommand(lease, command, CommandGuard.Start(command.Command, cancellationToken, Source.CommandTimeoutSeconds));
        }
        catch
        {
            await lease.ReleaseAsync(io).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Begins the command's telemetry scope. Called by the method that then runs the command, not inside
    /// <see cref="StartAsync"/>: the scope's activity becomes <c>Activity.Current</c> in the calling method's async
    /// context, which is where MySqlConnector must find it to make its own span a child of it.
    /// </summary>
    internal void Begin(ref RunningCommand run, in CommandRequest request) => run.Scope = (run.Lease.Origin ?? Source).Telemetry.Start(request.Statement, request.Table);

    /// <summary>The last step of every command: the guard, the command and the lease are let go, in that order.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    internal static async ValueTask ReleaseAsync(RunningCommand run, IOBehavior io)
    {
        run.Guard?.Dispose();
        await run.Leased.DisposeAsync(io).ConfigureAwait(false);
        await run.Lease.ReleaseAsync(io).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a failed command and throws what the caller should see: <see cref="OperationCanceledException"/> when
    /// the caller cancelled, the timeout error when the command timeout passed, a <see cref="MicroOrmException"/>
    /// without values for a server error. Anything else returns, and the caller rethrows it unchanged.
    /// </summary>
    internal void Failed(in CommandScope scope, CommandGuard? guard, Exception exception, in CommandRequest request) =>
        Failed(scope, guard, exception, request.Statement, request.Table, request.CancellationToken);

    /// <inheritdoc cref="Failed(in CommandScope, CommandGuard?, Exception, in CommandRequest)"/>
    /// <summary>Records a failed attempt that will run again: its span and log say how it failed, and nothing is thrown.</summary>
    private void Recorded(in CommandScope scope, CommandGuard? guard, Exception exception, in CommandRequest request)
    {
        var thrown = guard?.Explain(exception, request.Statement, request.CancellationToken)
            ?? ServerErrors.TranslateAny(exception, Source.Dialect, request.Statement, request.Table, Telemetry.Sensitive);
        if (scope.IsStarted) scope.Failed(thrown);
    }

    internal void Failed(in CommandScope scope, CommandGuard? guard, Exception exception, SqlStatement statement, TableInfo? table, CancellationToken cancellationToken)
    {
        var thrown = guard?.Explain(exception, statement, cancellationToken)
            ?? ServerErrors.TranslateAny(exception, Source.Dialect, statement, table, Telemetry.Sensitive);
        if (scope.IsStarted) scope.Failed(thrown);
        if (!ReferenceEquals(thrown, exception)) throw thrown;
    }

    /// <summary>
    /// Finishes a reader whose consumer stopped before its end: a server error in what is left (a later statement
    /// that failed) is recorded and thrown; a connection lost meanwhile is recorded on the span but not thrown, since
    /// the consumer has what it asked for and the broken session is discarded when the lease is released. Returns
    /// whether the command failed.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<bool> FinishEarlyAsync(MySqlDataReader reader, CommandScope scope, CommandGuard? guard, CommandRequest request, IOBehavior io)
    {
        try
        {
            await ResultSets.FinishAsync(reader, io).ConfigureAwait(false);
            return false;
        }
        catch (MySqlException exception) when (exception.Number is > 0 and < 2000)
        {
            Failed(scope, guard, exception, request);
            throw;
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            if (scope.IsStarted) scope.Failed(ServerErrors.TranslateAny(exception, Source.Dialect, request.Statement, request.Table, Telemetry.Sensitive));
            return true;
        }
    }

    /// <summary>
    /// Disposes a reader whose results have been read. If the connection broke meanwhile that fails, and the consumer,
    /// which has what it asked for, is not told: the broken session is discarded when the lease is released.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    internal static async ValueTask DisposeQuietlyAsync(MySqlDataReader reader, IOBehavior io)
    {
        try
        {
            await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MySqlException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
        }
    }

    /// <summary>
    /// The explicit transaction's connection, else the ambient transaction's; else, for a read a replica may answer,
    /// the topology's choice; else a lease from the source (with a topology, the primary).
    /// </summary>
    private ValueTask<ConnectionLease> AcquireAsync(in CommandRequest request, bool writes, IOBehavior io, CancellationToken cancellationToken)
    {
        if ((request.Transaction ?? CurrentTransaction) is { } transaction) return new ValueTask<ConnectionLease>(transaction.LeaseForCommand());
        if (Topology is { } topology && request.MayReadReplica && !writes && !_primaryOnly.Value)
        {
            return topology.AcquireReadAsync(Writes, request.Consistency ?? ReadConsistency, io, cancellationToken);
        }

        return Source.AcquireAsync(io, cancellationToken);
    }

    private static LeasedCommand CreateCommand(in ConnectionLease lease, SqlStatement statement) =>
        lease.Commands is { } cache
            ? new LeasedCommand(cache.Get(lease.Connection, lease.Transaction, statement), cached: true)
            : new LeasedCommand(CommandFactory.Create(lease.Connection, lease.Transaction, statement), cached: false);
}

/// <summary>A command under way: its connection lease, the command itself, its telemetry scope and its guard.</summary>
internal struct RunningCommand(ConnectionLease lease, LeasedCommand leased, CommandGuard? guard)
{
    public ConnectionLease Lease { get; } = lease;

    public LeasedCommand Leased { get; } = leased;

    public CommandScope Scope { get; set; }

    public CommandGuard? Guard { get; set; } = guard;

    public readonly MySqlCommand Command => Leased.Command;
}

/// <summary>Ends <see cref="CommandExecutor.ReadPrimaryOnly"/>'s scope.</summary>
internal readonly struct PrimaryScope(AsyncLocal<bool> flag, bool previous) : IDisposable
{
    public void Dispose() => flag.Value = previous;
}
