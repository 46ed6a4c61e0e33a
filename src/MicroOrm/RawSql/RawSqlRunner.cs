using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Runs raw SQL for a database object or a transaction: the one implementation behind both surfaces. Rows map by
/// column name through generated readers, scalars and tuples by position through typed getters.
/// </summary>
internal sealed class RawSqlRunner(CommandExecutor executor, Transaction? transaction)
{
    public Task<List<T>> QueryAsync<T>(SqlStatement sql, CancellationToken cancellationToken)
        where T : IRow<T> =>
        executor.ListAsync(sql, T.CreateReader, null, cancellationToken, transaction);

    public IAsyncEnumerable<T> QueryAsAsyncEnumerable<T>(SqlStatement sql, CancellationToken cancellationToken)
        where T : IRow<T> =>
        executor.StreamAsync(sql, T.CreateReader, null, cancellationToken, transaction);

    public Task<T?> QueryFirstOrDefaultAsync<T>(SqlStatement sql, CancellationToken cancellationToken)
        where T : IRow<T> =>
        executor.FirstOrDefaultAsync(sql, T.CreateReader, null, cancellationToken, transaction);

    public Task<List<T>> QueryValuesAsync<T>(SqlStatement sql, CancellationToken cancellationToken) =>
        executor.ListAsync(sql, ScalarRows<T>.Reader, null, cancellationToken, transaction);

    public Task<List<(T1, T2)>> QueryAsync<T1, T2>(SqlStatement sql, CancellationToken cancellationToken) =>
        executor.ListAsync(sql, TupleRows<T1, T2>.Reader, null, cancellationToken, transaction);

    public Task<List<(T1, T2, T3)>> QueryAsync<T1, T2, T3>(SqlStatement sql, CancellationToken cancellationToken) =>
        executor.ListAsync(sql, TupleRows<T1, T2, T3>.Reader, null, cancellationToken, transaction);

    public Task<T> ExecuteScalarAsync<T>(SqlStatement sql, CancellationToken cancellationToken) =>
        executor.ScalarAsync<T>(sql, null, cancellationToken, transaction);

    public Task<int> ExecuteAsync(SqlStatement sql, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(sql, null, cancellationToken, transaction);

    public async Task<MultipleResults> QueryMultipleAsync(SqlStatement sql, CancellationToken cancellationToken) =>
        new(await executor.OpenReaderAsync(sql, transaction, cancellationToken).ConfigureAwait(false));

    private static class ScalarRows<T>
    {
        public static readonly RowReader<T> Reader = new DelegateRowReader<T>(static r => ValueReader.Read<T>(r, 0, null));
    }

    private static class TupleRows<T1, T2>
    {
        public static readonly RowReader<(T1, T2)> Reader = new DelegateRowReader<(T1, T2)>(static r =>
            (ValueReader.Read<T1>(r, 0, null), ValueReader.Read<T2>(r, 1, null)));
    }

    private static class TupleRows<T1, T2, T3>
    {
        public static readonly RowReader<(T1, T2, T3)> Reader = new DelegateRowReader<(T1, T2, T3)>(static r =>
            (ValueReader.Read<T1>(r, 0, null), ValueReader.Read<T2>(r, 1, null), ValueReader.Read<T3>(r, 2, null)));
    }
}
