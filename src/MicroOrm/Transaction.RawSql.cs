using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Raw SQL bound to this transaction explicitly, wherever it is called from. The methods match the database
/// object's (see <see cref="DatabaseContext"/>): interpolated holes become parameters.
/// </summary>
public sealed partial class Transaction
{
    private RawSqlRunner Raw => _raw ??= new RawSqlRunner(_executor, this);

    /// <summary>Runs a query in this transaction and maps each row by column name.</summary>
    public Task<List<T>> QueryAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => Raw.QueryAsync<T>(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a query in this transaction and yields rows mapped by column name as they arrive.</summary>
    public IAsyncEnumerable<T> QueryAsAsyncEnumerable<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => Raw.QueryAsAsyncEnumerable<T>(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a query in this transaction and maps its first row, or returns <see langword="null"/>.</summary>
    public Task<T?> QueryFirstOrDefaultAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => Raw.QueryFirstOrDefaultAsync<T>(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a query in this transaction and returns the first column of every row.</summary>
    public Task<List<T>> QueryValuesAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryValuesAsync<T>(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a query in this transaction and returns the first two columns of every row.</summary>
    public Task<List<(T1, T2)>> QueryAsync<T1, T2>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryAsync<T1, T2>(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a query in this transaction and returns the first column of its first row.</summary>
    public Task<T> ExecuteScalarAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.ExecuteScalarAsync<T>(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a statement in this transaction; returns the rows it matched.</summary>
    public Task<int> ExecuteAsync(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.ExecuteAsync(sql.ToStatement(), cancellationToken);

    /// <summary>Runs a command with several result sets in this transaction.</summary>
    public Task<MultipleResults> QueryMultipleAsync(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryMultipleAsync(sql.ToStatement(), cancellationToken);
}
