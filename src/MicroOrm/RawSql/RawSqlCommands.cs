using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Raw SQL, as a database object and a transaction both offer it. Every method takes an interpolated string whose
/// holes become parameters: <c>db.QueryAsync&lt;State&gt;($"SELECT * FROM states WHERE name = {name}")</c> sends
/// <c>name = @p0</c>. On a database object, the SQL runs in the transaction open in the same async flow, if any; on a
/// <see cref="Transaction"/>, in that transaction wherever it is called from. Each method has a synchronous twin that
/// does its I/O synchronously.
/// </summary>
public abstract class RawSqlCommands
{
    private protected RawSqlCommands()
    {
    }

    private protected abstract RawSqlRunner Raw { get; }

    /// <summary>Runs a query and maps each row by column name to <typeparamref name="T"/> (an entity or a <c>[Row]</c> type).</summary>
    public Task<List<T>> QueryAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> =>
        Raw.QueryAsync<T>(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public List<T> Query<T>(SqlInterpolatedStringHandler sql)
        where T : IRow<T> =>
        Synchronously.Result(Raw.QueryAsync<T>(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a query and yields rows mapped by column name as they arrive; the synchronous form reads them synchronously.</summary>
    public IAsyncEnumerable<T> QueryAsAsyncEnumerable<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> =>
        Raw.Stream<T>(sql.ToStatement(), cancellationToken);

    /// <inheritdoc cref="QueryAsAsyncEnumerable{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public IEnumerable<T> QueryAsEnumerable<T>(SqlInterpolatedStringHandler sql)
        where T : IRow<T> =>
        Raw.Stream<T>(sql.ToStatement(), CancellationToken.None);

    /// <summary>Runs a query and maps its first row by column name, or returns <see langword="null"/>.</summary>
    public Task<T?> QueryFirstOrDefaultAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> =>
        Raw.QueryFirstOrDefaultAsync<T>(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryFirstOrDefaultAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public T? QueryFirstOrDefault<T>(SqlInterpolatedStringHandler sql)
        where T : IRow<T> =>
        Synchronously.Result(Raw.QueryFirstOrDefaultAsync<T>(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a query and returns the first column of every row.</summary>
    public Task<List<T>> QueryValuesAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryValuesAsync<T>(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryValuesAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public List<T> QueryValues<T>(SqlInterpolatedStringHandler sql) =>
        Synchronously.Result(Raw.QueryValuesAsync<T>(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a query and returns the first two columns of every row, by position.</summary>
    public Task<List<(T1, T2)>> QueryAsync<T1, T2>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryAsync<T1, T2>(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryAsync{T1, T2}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public List<(T1, T2)> Query<T1, T2>(SqlInterpolatedStringHandler sql) =>
        Synchronously.Result(Raw.QueryAsync<T1, T2>(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a query and returns the first three columns of every row, by position.</summary>
    public Task<List<(T1, T2, T3)>> QueryAsync<T1, T2, T3>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryAsync<T1, T2, T3>(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryAsync{T1, T2, T3}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public List<(T1, T2, T3)> Query<T1, T2, T3>(SqlInterpolatedStringHandler sql) =>
        Synchronously.Result(Raw.QueryAsync<T1, T2, T3>(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a query and returns the first column of its first row; throws <see cref="System.InvalidOperationException"/> when there is no row (a NULL column gives the default).</summary>
    public Task<T> ExecuteScalarAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.ExecuteScalarAsync<T>(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ExecuteScalarAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public T ExecuteScalar<T>(SqlInterpolatedStringHandler sql) =>
        Synchronously.Result(Raw.ExecuteScalarAsync<T>(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a statement that returns no rows; returns the rows it matched.</summary>
    public Task<int> ExecuteAsync(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.ExecuteAsync(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ExecuteAsync(SqlInterpolatedStringHandler, CancellationToken)"/>
    public int Execute(SqlInterpolatedStringHandler sql) =>
        Synchronously.Result(Raw.ExecuteAsync(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs a command that returns several result sets (statements separated by semicolons), read in order.</summary>
    public Task<MultipleResults> QueryMultipleAsync(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        Raw.QueryMultipleAsync(sql.ToStatement(), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryMultipleAsync(SqlInterpolatedStringHandler, CancellationToken)"/>
    public MultipleResults QueryMultiple(SqlInterpolatedStringHandler sql) =>
        Synchronously.Result(Raw.QueryMultipleAsync(sql.ToStatement(), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>
    /// Runs <paramref name="sql"/> exactly as written, with no parameters. Only for SQL that really is constant: any
    /// value spliced into it can inject SQL, and the MORM1001 analyzer warns when a non-constant string reaches it.
    /// </summary>
    public Task<int> ExecuteUnsafeAsync([ConstantSql] string sql, CancellationToken cancellationToken = default) =>
        Raw.ExecuteAsync(new SqlStatement(sql, []), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ExecuteUnsafeAsync(string, CancellationToken)"/>
    public int ExecuteUnsafe([ConstantSql] string sql) =>
        Synchronously.Result(Raw.ExecuteAsync(new SqlStatement(sql, []), IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>
    /// Runs the query <paramref name="sql"/> exactly as written and maps rows by column name. Only for SQL that really
    /// is constant; the MORM1001 analyzer warns when a non-constant string reaches it.
    /// </summary>
    public Task<List<T>> QueryUnsafeAsync<T>([ConstantSql] string sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => Raw.QueryAsync<T>(new SqlStatement(sql, []), IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="QueryUnsafeAsync{T}(string, CancellationToken)"/>
    public List<T> QueryUnsafe<T>([ConstantSql] string sql)
        where T : IRow<T> => Synchronously.Result(Raw.QueryAsync<T>(new SqlStatement(sql, []), IOBehavior.Synchronous, CancellationToken.None));
}
