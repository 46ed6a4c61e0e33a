using System;
using System.Collections.Generic;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Base of the read-only view that every generated <c>[Database]</c> class offers through <c>AsReadOnly()</c>: table
/// accessors with queries only, raw SQL queries, and transactions the server runs as <c>READ ONLY</c>. No method of
/// the view writes, so handing it to code that should only read makes a write there a compile error. Raw SQL is still
/// SQL: pair the view with a database user that has only SELECT rights to make the server refuse writes as well.
/// </summary>
public abstract class ReadOnlyDatabase
{
    private readonly DatabaseContext _database;

    /// <summary>Called by the generated view.</summary>
    protected ReadOnlyDatabase(DatabaseContext database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>
    /// Begins a transaction that the server runs as <c>READ ONLY</c>: until it ends, the view's queries in the same
    /// async flow see one consistent snapshot. Inside another transaction it is a nested scope of that transaction.
    /// </summary>
    public ValueTask<ReadOnlyTransaction> BeginTransactionAsync(IsolationLevel isolationLevel = IsolationLevel.Unspecified, CancellationToken cancellationToken = default) =>
        // Not an async method: the transaction becomes ambient in the caller's execution context.
        Wrap(_database.Executor.BeginTransactionAsync(isolationLevel, isReadOnly: true, IOBehavior.Asynchronous, cancellationToken));

    /// <inheritdoc cref="BeginTransactionAsync(IsolationLevel, CancellationToken)"/>
    public ReadOnlyTransaction BeginTransaction(IsolationLevel isolationLevel = IsolationLevel.Unspecified) =>
        new(Synchronously.Result(_database.Executor.BeginTransactionAsync(isolationLevel, isReadOnly: true, IOBehavior.Synchronous, CancellationToken.None)));

    /// <summary>
    /// Runs <paramref name="work"/> in a read-only transaction, ended when it returns or throws; retried from the start
    /// after a transient failure as the retry options allow.
    /// </summary>
    public Task<T> RunInTransactionAsync<T>(
        Func<ReadOnlyTransaction, CancellationToken, Task<T>> work,
        IsolationLevel isolationLevel = IsolationLevel.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _database.RunUnitAsync(
            (transaction, ct) => new ValueTask<T>(work(new ReadOnlyTransaction(transaction), ct)), null, isolationLevel, isReadOnly: true, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="RunInTransactionAsync{T}(Func{ReadOnlyTransaction, CancellationToken, Task{T}}, IsolationLevel, CancellationToken)"/>
    public T RunInTransaction<T>(Func<ReadOnlyTransaction, T> work, IsolationLevel isolationLevel = IsolationLevel.Unspecified)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Synchronously.Result(_database.RunUnitAsync(
            (transaction, _) => new ValueTask<T>(work(new ReadOnlyTransaction(transaction))), null, isolationLevel, isReadOnly: true, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <inheritdoc cref="RawSqlCommands.QueryAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public Task<List<T>> QueryAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => _database.QueryAsync<T>(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.Query{T}(SqlInterpolatedStringHandler)"/>
    public List<T> Query<T>(SqlInterpolatedStringHandler sql)
        where T : IRow<T> => _database.Query<T>(sql);

    /// <inheritdoc cref="RawSqlCommands.QueryAsAsyncEnumerable{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public IAsyncEnumerable<T> QueryAsAsyncEnumerable<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => _database.QueryAsAsyncEnumerable<T>(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.QueryAsEnumerable{T}(SqlInterpolatedStringHandler)"/>
    public IEnumerable<T> QueryAsEnumerable<T>(SqlInterpolatedStringHandler sql)
        where T : IRow<T> => _database.QueryAsEnumerable<T>(sql);

    /// <inheritdoc cref="RawSqlCommands.QueryFirstOrDefaultAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public Task<T?> QueryFirstOrDefaultAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default)
        where T : IRow<T> => _database.QueryFirstOrDefaultAsync<T>(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.QueryFirstOrDefault{T}(SqlInterpolatedStringHandler)"/>
    public T? QueryFirstOrDefault<T>(SqlInterpolatedStringHandler sql)
        where T : IRow<T> => _database.QueryFirstOrDefault<T>(sql);

    /// <inheritdoc cref="RawSqlCommands.QueryValuesAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public Task<List<T>> QueryValuesAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        _database.QueryValuesAsync<T>(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.QueryValues{T}(SqlInterpolatedStringHandler)"/>
    public List<T> QueryValues<T>(SqlInterpolatedStringHandler sql) => _database.QueryValues<T>(sql);

    /// <inheritdoc cref="RawSqlCommands.QueryAsync{T1, T2}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public Task<List<(T1, T2)>> QueryAsync<T1, T2>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        _database.QueryAsync<T1, T2>(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.Query{T1, T2}(SqlInterpolatedStringHandler)"/>
    public List<(T1, T2)> Query<T1, T2>(SqlInterpolatedStringHandler sql) => _database.Query<T1, T2>(sql);

    /// <inheritdoc cref="RawSqlCommands.QueryAsync{T1, T2, T3}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public Task<List<(T1, T2, T3)>> QueryAsync<T1, T2, T3>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        _database.QueryAsync<T1, T2, T3>(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.Query{T1, T2, T3}(SqlInterpolatedStringHandler)"/>
    public List<(T1, T2, T3)> Query<T1, T2, T3>(SqlInterpolatedStringHandler sql) => _database.Query<T1, T2, T3>(sql);

    /// <summary>Runs a query and returns the first column of its first row; throws when there is no row.</summary>
    public Task<T> QueryScalarAsync<T>(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        _database.ExecuteScalarAsync<T>(sql, cancellationToken);

    /// <inheritdoc cref="QueryScalarAsync{T}(SqlInterpolatedStringHandler, CancellationToken)"/>
    public T QueryScalar<T>(SqlInterpolatedStringHandler sql) => _database.ExecuteScalar<T>(sql);

    /// <inheritdoc cref="RawSqlCommands.QueryMultipleAsync(SqlInterpolatedStringHandler, CancellationToken)"/>
    public Task<MultipleResults> QueryMultipleAsync(SqlInterpolatedStringHandler sql, CancellationToken cancellationToken = default) =>
        _database.QueryMultipleAsync(sql, cancellationToken);

    /// <inheritdoc cref="RawSqlCommands.QueryMultiple(SqlInterpolatedStringHandler)"/>
    public MultipleResults QueryMultiple(SqlInterpolatedStringHandler sql) => _database.QueryMultiple(sql);

    private static async ValueTask<ReadOnlyTransaction> Wrap(ValueTask<Transaction> starting) =>
        new(await starting.ConfigureAwait(false));
}
