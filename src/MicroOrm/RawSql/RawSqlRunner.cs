using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Runs raw SQL for a database object or a transaction, in either I/O mode: the one implementation behind the four
/// surfaces (async and sync, on each). Rows map by column name through generated readers, scalars and tuples by
/// position through typed getters.
/// </summary>
internal sealed class RawSqlRunner(CommandExecutor executor, Transaction? transaction)
{
    public ValueTask<List<T>> QueryAsync<T>(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken)
        where T : IRow<T> =>
        executor.ListAsync(Request(sql, cancellationToken).AsRead(), ResolvedReaders<T>.Factory, io);

    public RowStream<T> Stream<T>(SqlStatement sql, CancellationToken cancellationToken)
        where T : IRow<T> =>
        executor.Stream(Request(sql, cancellationToken).AsRead(), ResolvedReaders<T>.Factory);

    public ValueTask<T?> QueryFirstOrDefaultAsync<T>(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken)
        where T : IRow<T> =>
        executor.FirstOrDefaultAsync(Request(sql, cancellationToken).AsRead(), ResolvedReaders<T>.Factory, io);

    public ValueTask<List<T>> QueryValuesAsync<T>(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken) =>
        executor.ListAsync(Request(sql, cancellationToken).AsRead(), ScalarRows<T>.Reader, io);

    public ValueTask<List<(T1, T2)>> QueryAsync<T1, T2>(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken) =>
        executor.ListAsync(Request(sql, cancellationToken).AsRead(), TupleRows<T1, T2>.Reader, io);

    public ValueTask<List<(T1, T2, T3)>> QueryAsync<T1, T2, T3>(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken) =>
        executor.ListAsync(Request(sql, cancellationToken).AsRead(), TupleRows<T1, T2, T3>.Reader, io);

    public ValueTask<T> ExecuteScalarAsync<T>(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken) =>
        executor.ScalarAsync<T>(Request(sql, cancellationToken) with { MayWrite = true }, io);

    public ValueTask<int> ExecuteAsync(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(Request(sql, cancellationToken), io);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MultipleResults> QueryMultipleAsync(SqlStatement sql, IOBehavior io, CancellationToken cancellationToken) =>
        new(await executor.OpenReaderAsync(Request(sql, cancellationToken).AsRead(), io).ConfigureAwait(false));

    /// <summary>
    /// The request for <paramref name="sql"/>. The query methods mark theirs as reads (<c>AsRead</c>), which a replica
    /// may answer; <c>ExecuteAsync</c> and <c>ExecuteScalarAsync</c> always run on the primary, since their SQL may write
    /// (<c>INSERT ... RETURNING</c> read as a scalar).
    /// </summary>
    private CommandRequest Request(SqlStatement sql, CancellationToken cancellationToken) => new(sql, null, cancellationToken, transaction);

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
