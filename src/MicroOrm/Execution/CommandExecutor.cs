using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Execution.Topology;
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
internal sealed partial class CommandExecutor
{
    private readonly AsyncLocal<Transaction?> _ambient = new();

    public CommandExecutor(ConnectionSource source)
    {
        Source = source;
        Routing = source as TopologyConnectionSource;
        ReadConsistency = Routing?.DefaultConsistency ?? ReadConsistency.ReadYourWrites;
    }

    public ConnectionSource Source { get; }

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

    /// <summary>
    /// The pipeline: runs <paramref name="request"/> and hands the command to <paramref name="handler"/>. With a
    /// topology, a command whose server failed runs once more, on another server, when that cannot repeat its effect
    /// (<see cref="RunsAgain"/>), and a write outside a transaction is recorded for the reads that must see it.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResult> RunAsync<THandler, TResult>(CommandRequest request, THandler handler, IOBehavior io)
        where THandler : struct, ICommandHandler<TResult>
    {
        var writes = handler.Writes || request.MayWrite;
        for (var attempt = 1; ; attempt++)
        {
            var run = await StartAsync(request, io, writes).ConfigureAwait(false);
            TResult result;
            CommandOutcome outcome;
            try
            {
                Begin(ref run, request);
                result = await handler.RunAsync(run.Command, request.Behavior, io, request.CancellationToken).ConfigureAwait(false);
                outcome = run.Scope.Succeeded(handler.RowsOf(result), handler.Writes);
                if (writes && Routing is { HasReaders: true } routing && run.Lease.Transaction is null)
                {
                    await routing.RecordWriteAsync(run.Lease, Writes, io, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (Routing is not null && RunsAgain(run.Lease, exception, request, writes, handler.CanRunAgain) && attempt == 1)
            {
                RecordFailedAttempt(run.Scope, run.Guard, exception, request);
                continue;
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

            // After the release: an interceptor that throws here fails the call, not the command, which has run.
            run.Scope.Executed(outcome);
            return result;
        }
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
        // Before a connection is taken, so that a command an interceptor refuses costs nothing and sends nothing.
        var context = Telemetry.Intercept(request.Statement, request.Table, writes || request.MayWrite);
        var lease = await AcquireInterceptedAsync(request, writes, context, io).ConfigureAwait(false);
        try
        {
            var statement = context?.Statement ?? request.Statement;
            var backslashes = (lease.Origin ?? Source).Backslashes;
            await backslashes.CheckAsync(lease.Connection, lease.Transaction, statement, io, cancellationToken).ConfigureAwait(false);
            backslashes.Forget(lease.Connection, statement);
            var command = CreateCommand(lease, statement);
            return new RunningCommand(lease, command, CommandGuard.Start(command.Command, cancellationToken, Source.CommandTimeoutSeconds)) { Context = context };
        }
        catch (Exception exception)
        {
            await lease.ReleaseAsync(io).ConfigureAwait(false);
            context?.OnFailed(TimeSpan.Zero, exception);
            throw;
        }
    }

    /// <summary>
    /// The command's connection; when none can be had, the interceptors that were told the command is executing are
    /// told it failed (before its telemetry scope began, so the scope cannot tell them).
    /// </summary>
    private async ValueTask<ConnectionLease> AcquireInterceptedAsync(CommandRequest request, bool writes, CommandContext? context, IOBehavior io)
    {
        try
        {
            return await AcquireAsync(request, writes, io, request.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (context is not null)
        {
            context.OnFailed(TimeSpan.Zero, exception);
            throw;
        }
    }

    /// <summary>
    /// Begins the command's telemetry scope. Called by the method that then runs the command, not inside
    /// <see cref="StartAsync"/>: the scope's activity becomes <c>Activity.Current</c> in the calling method's async
    /// context, which is where MySqlConnector must find it to make its own span a child of it.
    /// </summary>
    internal void Begin(ref RunningCommand run, in CommandRequest request) =>
        run.Scope = (run.Lease.Origin ?? Source).Telemetry.Start(run.Context?.Statement ?? request.Statement, request.Table, run.Context);

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
    internal void Failed(in CommandScope scope, CommandGuard? guard, Exception exception, SqlStatement statement, TableInfo? table, CancellationToken cancellationToken)
    {
        var thrown = WhatToThrow(guard, exception, statement, table, cancellationToken);
        if (scope.IsStarted) scope.Failed(thrown);
        if (!ReferenceEquals(thrown, exception)) throw thrown;
    }

    /// <summary>Records a failed attempt that will run again: its span and log say how it failed, and nothing is thrown.</summary>
    private void RecordFailedAttempt(in CommandScope scope, CommandGuard? guard, Exception exception, in CommandRequest request)
    {
        if (scope.IsStarted) scope.Failed(WhatToThrow(guard, exception, request.Statement, request.Table, request.CancellationToken));
    }

    private Exception WhatToThrow(CommandGuard? guard, Exception exception, SqlStatement statement, TableInfo? table, CancellationToken cancellationToken) =>
        guard?.Explain(exception, statement, cancellationToken)
            ?? ServerErrors.TranslateAny(exception, Source.Dialect, statement, table, Telemetry.Sensitive);

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

    /// <summary>What the interceptors saw, and the statement they tagged; <see langword="null"/> when there are none.</summary>
    public CommandContext? Context { get; init; }

    public CommandGuard? Guard { get; set; } = guard;

    public readonly MySqlCommand Command => Leased.Command;
}
