using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// The rows of one command as they arrive, for <c>await foreach</c> (asynchronous reads) or <c>foreach</c>
/// (synchronous reads): both enumerate the same <see cref="RowCursor{T}"/>, in the I/O mode of the loop. Nothing is
/// sent until enumeration starts, and each enumeration runs the command again.
/// </summary>
internal sealed class RowStream<T>(CommandExecutor executor, CommandRequest request, RowReader<T>? rows, ReaderFactory<T>? readerFactory)
    : IAsyncEnumerable<T>, IEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => Cursor(cancellationToken, IOBehavior.Asynchronous);

    public IEnumerator<T> GetEnumerator() => Cursor(default, IOBehavior.Synchronous);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// A cursor whose token is the request's, the enumerator's (<c>WithCancellation</c>), or both linked, as an
    /// async iterator with <c>[EnumeratorCancellation]</c> combines them.
    /// </summary>
    private RowCursor<T> Cursor(CancellationToken enumeratorToken, IOBehavior io)
    {
        var own = request.CancellationToken;
        if (!enumeratorToken.CanBeCanceled || enumeratorToken == own) return new RowCursor<T>(executor, request, rows, readerFactory, io, null);
        if (!own.CanBeCanceled) return new RowCursor<T>(executor, With(enumeratorToken), rows, readerFactory, io, null);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(own, enumeratorToken);
        return new RowCursor<T>(executor, With(linked.Token), rows, readerFactory, io, linked);
    }

    private CommandRequest With(CancellationToken token) => new(request.Statement, request.Table, token, request.Transaction, request.Behavior) { MayReadReplica = request.MayReadReplica, Consistency = request.Consistency, MayWrite = request.MayWrite };
}

/// <summary>
/// One enumeration of a command's rows: started on the first move, through the executor's start, failure and release
/// steps. The token is checked before every row, because rows that have already arrived are not stopped by the kill
/// on the server; the timeout counts the server's time for each row, not the consumer's pauses between rows. A
/// consumer that stops early still hears of a later statement of the command that failed.
/// </summary>
internal sealed class RowCursor<T>(
    CommandExecutor executor, CommandRequest request, RowReader<T>? rows, ReaderFactory<T>? readerFactory, IOBehavior io, CancellationTokenSource? linked)
    : IAsyncEnumerator<T>, IEnumerator<T>
{
    private RunningCommand _run;
    private MySqlDataReader? _reader;
    private RowReader<T>? _rows = rows;
    private bool _started;
    private bool _finished;
    private bool _ended;
    private bool _released;
    private long _count;

    public T Current { get; private set; } = default!;

    object? IEnumerator.Current => Current;

    public ValueTask<bool> MoveNextAsync() => MoveNextAsync(io);

    public bool MoveNext() => Synchronously.Result(MoveNextAsync(IOBehavior.Synchronous));

    public ValueTask DisposeAsync() => DisposeAsync(io);

    public void Dispose() => Synchronously.Wait(DisposeAsync(IOBehavior.Synchronous));

    void IEnumerator.Reset() => throw new NotSupportedException("A row stream cannot be reset: enumerate it again to run the query again.");

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> MoveNextAsync(IOBehavior mode)
    {
        if (_finished || _ended || _released) return false;
        if (!_started)
        {
            // Started only once StartAsync has a lease: if it fails, it has given the lease back itself.
            _run = await executor.StartAsync(request, mode).ConfigureAwait(false);
            _started = true;
            try
            {
                executor.Begin(ref _run, request);
                _reader = await Driver.ExecuteReaderAsync(_run.Command, request.Behavior, mode).ConfigureAwait(false);
                _rows ??= readerFactory!(_reader, request.Statement.Text);
            }
            catch (Exception exception)
            {
                _ended = true;
                executor.Failed(_run.Scope, _run.Guard, exception, request);
                throw;
            }
        }

        try
        {
            request.CancellationToken.ThrowIfCancellationRequested();
            _run.Guard?.Restart();
            if (!await Driver.ReadAsync(_reader!, mode).ConfigureAwait(false))
            {
                await ResultSets.FinishAsync(_reader!, mode).ConfigureAwait(false);
                _finished = true;
                return false;
            }

            Current = _rows!.Read(_reader!);
            _count++;
            return true;
        }
        catch (Exception exception)
        {
            _ended = true;
            executor.Failed(_run.Scope, _run.Guard, exception, request);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask DisposeAsync(IOBehavior mode)
    {
        if (_released) return;
        _released = true;
        try
        {
            if (!_started) return;
            if (_reader is not null)
            {
                if (!_finished && !_ended && !request.CancellationToken.IsCancellationRequested)
                {
                    // Marked ended first: when finishing throws, its failure is what the span records.
                    _ended = true;
                    _ended = await executor.FinishEarlyAsync(_reader, _run.Scope, _run.Guard, request, mode).ConfigureAwait(false);
                }

                await CommandExecutor.DisposeQuietlyAsync(_reader, mode).ConfigureAwait(false);
            }

            // A consumer that stops early still ends the command: the rows it took are the rows read.
            if (!_ended) _run.Scope.Executed(_run.Scope.Succeeded(_count, written: false));
        }
        finally
        {
            if (_started) await CommandExecutor.ReleaseAsync(_run, mode).ConfigureAwait(false);
            linked?.Dispose();
        }
    }
}
