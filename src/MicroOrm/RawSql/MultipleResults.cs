using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm;

/// <summary>
/// The result sets of one command, read in order: <c>await using var results = await db.QueryMultipleAsync($"...; ...");</c>
/// then one <c>Read...</c> call per result set (or <c>using var results = db.QueryMultiple(...)</c> and the
/// synchronous reads). Disposing it releases the connection.
/// </summary>
public sealed class MultipleResults : IAsyncDisposable, IDisposable
{
    private readonly OpenReader _open;
    private bool _first = true;

    internal MultipleResults(OpenReader open) => _open = open;

    /// <summary>Reads the next result set into <typeparamref name="T"/>, mapping columns by name.</summary>
    public Task<List<T>> ReadAsync<T>(CancellationToken cancellationToken = default)
        where T : IRow<T> =>
        ReadSetAsync(static reader => T.CreateReader(reader), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ReadAsync{T}(CancellationToken)"/>
    public List<T> Read<T>()
        where T : IRow<T> =>
        Synchronously.Result(ReadSetAsync(static reader => T.CreateReader(reader), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Reads the first column of every row of the next result set.</summary>
    public Task<List<T>> ReadValuesAsync<T>(CancellationToken cancellationToken = default) =>
        ReadSetAsync(ValueRows<T>.Factory, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ReadValuesAsync{T}(CancellationToken)"/>
    public List<T> ReadValues<T>() => Synchronously.Result(ReadSetAsync(ValueRows<T>.Factory, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Reads the first column of the first row of the next result set; throws when that result set has no row.</summary>
    /// <exception cref="InvalidOperationException">The result set has no row.</exception>
    public Task<T> ReadScalarAsync<T>(CancellationToken cancellationToken = default) => ReadScalarAsync<T>(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ReadScalarAsync{T}(CancellationToken)"/>
    public T ReadScalar<T>() => Synchronously.Result(ReadScalarAsync<T>(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>
    /// Releases the reader and the connection. Result sets left unread are read past first, so a later statement of the
    /// command that failed throws here.
    /// </summary>
    public ValueTask DisposeAsync() => _open.DisposeAsync(IOBehavior.Asynchronous);

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => Synchronously.Wait(_open.DisposeAsync(IOBehavior.Synchronous));

    private async ValueTask<T> ReadScalarAsync<T>(IOBehavior io, CancellationToken cancellationToken)
    {
        var values = await ReadSetAsync(ValueRows<T>.Factory, io, cancellationToken).ConfigureAwait(false);
        // No row is not a row holding the default: a caller reading 0 or null could not tell them apart.
        return values.Count > 0 ? values[0] : throw new InvalidOperationException("The result set has no row, so it has no scalar value: " + _open.Statement.Text);
    }

    private async ValueTask<List<T>> ReadSetAsync<T>(Func<MySqlDataReader, RowReader<T>> readerFactory, IOBehavior io, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reader = _open.Reader;
        using var guard = _open.Guard(cancellationToken);
        try
        {
            if (!_first && !await Driver.NextResultAsync(reader, io).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The command returned no more result sets.");
            }

            _first = false;
            var rows = readerFactory(reader);
            var list = new List<T>();
            while (await Driver.ReadAsync(reader, io).ConfigureAwait(false))
            {
                // Rows that have already arrived are not stopped by the kill on the server: the token is checked here too.
                cancellationToken.ThrowIfCancellationRequested();
                list.Add(rows.Read(reader));
            }

            _open.RowsRead += list.Count;
            return list;
        }
        catch (Exception exception) when (exception is not InvalidOperationException)
        {
            _open.Failed(guard, exception, cancellationToken);
            throw;
        }
    }

    private static class ValueRows<T>
    {
        private static readonly RowReader<T> Reader = new DelegateRowReader<T>(static r => ValueReader.Read<T>(r, 0, null));

        public static readonly Func<MySqlDataReader, RowReader<T>> Factory = static _ => Reader;
    }
}
