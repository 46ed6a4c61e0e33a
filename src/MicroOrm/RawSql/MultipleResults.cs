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
/// then one <c>Read...</c> call per result set. Disposing it releases the connection.
/// </summary>
public sealed class MultipleResults : IAsyncDisposable
{
    private readonly OpenReader _open;
    private bool _first = true;

    internal MultipleResults(OpenReader open) => _open = open;

    /// <summary>Reads the next result set into <typeparamref name="T"/>, mapping columns by name.</summary>
    public Task<List<T>> ReadAsync<T>(CancellationToken cancellationToken = default)
        where T : IRow<T> =>
        ReadSetAsync(reader => T.CreateReader(reader), cancellationToken);

    /// <summary>Reads the first column of every row of the next result set.</summary>
    public Task<List<T>> ReadValuesAsync<T>(CancellationToken cancellationToken = default) =>
        ReadSetAsync(static _ => new DelegateRowReader<T>(static r => ValueReader.Read<T>(r, 0, null)), cancellationToken);

    /// <summary>Reads the first column of the first row of the next result set; throws when that result set has no row.</summary>
    /// <exception cref="InvalidOperationException">The result set has no row.</exception>
    public async Task<T> ReadScalarAsync<T>(CancellationToken cancellationToken = default)
    {
        var values = await ReadValuesAsync<T>(cancellationToken).ConfigureAwait(false);
        // No row is not a row holding the default: a caller reading 0 or null could not tell them apart.
        return values.Count > 0 ? values[0] : throw new InvalidOperationException("The result set has no row, so it has no scalar value: " + _open.Statement.Text);
    }

    /// <summary>
    /// Releases the reader and the connection. Result sets left unread are read past first, so a later statement of the
    /// command that failed throws here.
    /// </summary>
    public ValueTask DisposeAsync() => _open.DisposeAsync();

    private async Task<List<T>> ReadSetAsync<T>(Func<MySqlDataReader, RowReader<T>> readerFactory, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reader = _open.Reader;
        using var guard = _open.Guard(cancellationToken);
        try
        {
            if (!_first && !await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The command returned no more result sets.");
            }

            _first = false;
            var rows = readerFactory(reader);
            var list = new List<T>();
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
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
}
