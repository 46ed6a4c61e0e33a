using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// What to do with a command once it runs: the part that differs between a list, a first row, a scalar and a
/// statement that returns no rows. The pipeline (<see cref="CommandExecutor.RunAsync{THandler, TResult}"/>) does the
/// rest. Handlers are structs, so the pipeline is specialized for each and no delegate is made per command.
/// </summary>
internal interface ICommandHandler<TResult>
{
    /// <summary>Whether the rows the telemetry counts are rows written rather than read.</summary>
    bool Writes { get; }

    /// <summary>
    /// Whether the command can run again after its server failed part-way: true when a failed run leaves nothing
    /// behind (a list or a first row is built only once the rows are read in full); false for a visitor, which has
    /// handed rows on as they came, and for a statement that writes.
    /// </summary>
    bool CanRunAgain { get; }

    ValueTask<TResult> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken);

    /// <summary>The rows the result stands for, for the telemetry.</summary>
    long RowsOf(TResult result);
}

/// <summary>Reads past result sets a caller did not ask for, so that a later statement's failure is thrown, not lost.</summary>
internal static class ResultSets
{
    /// <summary>
    /// MySqlConnector's reader reads what is left when disposed too, but swallows an error there (a later statement of
    /// the command that failed); reading on here throws it to the caller.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask FinishAsync(MySqlDataReader reader, IOBehavior io)
    {
        while (await Driver.NextResultAsync(reader, io).ConfigureAwait(false))
        {
        }
    }
}

/// <summary>Every row of the first result set, read with one row reader.</summary>
internal readonly struct ListHandler<T>(RowReader<T>? rows, ReaderFactory<T>? readerFactory) : ICommandHandler<List<T>>
{
    public bool Writes => false;

    public bool CanRunAgain => true;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<List<T>> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        var reader = await Driver.ExecuteReaderAsync(command, behavior, io).ConfigureAwait(false);
        try
        {
            var read = rows ?? readerFactory!(reader, command.CommandText!);
            while (await Driver.ReadAsync(reader, io).ConfigureAwait(false))
            {
                // Rows that have already arrived are not stopped by the kill on the server: the token is checked here too.
                cancellationToken.ThrowIfCancellationRequested();
                list.Add(read.Read(reader));
            }

            await ResultSets.FinishAsync(reader, io).ConfigureAwait(false);
        }
        finally
        {
            await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
        }

        return list;
    }

    public long RowsOf(List<T> result) => result.Count;
}

/// <summary>Hands every row to a visitor that folds rows into objects of its own, and keeps nothing; returns the rows read.</summary>
internal readonly struct VisitHandler<T>(RowReader<T> visitor) : ICommandHandler<long>
{
    public bool Writes => false;

    public bool CanRunAgain => false;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var count = 0L;
        var reader = await Driver.ExecuteReaderAsync(command, behavior, io).ConfigureAwait(false);
        try
        {
            while (await Driver.ReadAsync(reader, io).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                visitor.Read(reader);
                count++;
            }

            await ResultSets.FinishAsync(reader, io).ConfigureAwait(false);
        }
        finally
        {
            await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
        }

        return count;
    }

    public long RowsOf(long result) => result;
}

/// <summary>The first row, if there is one.</summary>
internal readonly struct FirstRowHandler<T>(RowReader<T>? rows, ReaderFactory<T>? readerFactory) : ICommandHandler<(T? Row, bool Found)>
{
    public bool Writes => false;

    public bool CanRunAgain => true;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(T? Row, bool Found)> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var reader = await Driver.ExecuteReaderAsync(command, behavior | CommandBehavior.SingleRow, io).ConfigureAwait(false);
        try
        {
            (T? Row, bool Found) result = default;
            if (await Driver.ReadAsync(reader, io).ConfigureAwait(false)) result = ((rows ?? readerFactory!(reader, command.CommandText!)).Read(reader), true);
            await ResultSets.FinishAsync(reader, io).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
        }
    }

    public long RowsOf((T? Row, bool Found) result) => result.Found ? 1 : 0;
}

/// <summary>The first column of the first row, if there is a row.</summary>
internal readonly struct ScalarHandler<T> : ICommandHandler<(T Value, bool Found)>
{
    public bool Writes => false;

    public bool CanRunAgain => true;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(T Value, bool Found)> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var reader = await Driver.ExecuteReaderAsync(command, behavior, io).ConfigureAwait(false);
        try
        {
            (T Value, bool Found) result = (default!, false);
            if (await Driver.ReadAsync(reader, io).ConfigureAwait(false)) result = (ValueReader.Read<T>(reader, 0, null), true);
            await ResultSets.FinishAsync(reader, io).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
        }
    }

    public long RowsOf((T Value, bool Found) result) => result.Found ? 1 : 0;
}

/// <summary>An INSERT ... RETURNING of the generated key: the key of each row, in row order.</summary>
internal readonly struct InsertedKeysHandler : ICommandHandler<List<long>>
{
    public bool Writes => true;

    public bool CanRunAgain => false;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<List<long>> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var keys = new List<long>();
        var reader = await Driver.ExecuteReaderAsync(command, behavior, io).ConfigureAwait(false);
        try
        {
            while (await Driver.ReadAsync(reader, io).ConfigureAwait(false)) keys.Add(reader.GetInt64(0));
            await ResultSets.FinishAsync(reader, io).ConfigureAwait(false);
        }
        finally
        {
            await Driver.DisposeAsync(reader, io).ConfigureAwait(false);
        }

        return keys;
    }

    public long RowsOf(List<long> result) => result.Count;
}

/// <summary>A statement that returns no rows: the rows it matched and the first AUTO_INCREMENT value it generated.</summary>
internal readonly struct NonQueryHandler : ICommandHandler<(int Rows, long LastInsertedId)>
{
    public bool Writes => true;

    public bool CanRunAgain => false;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(int Rows, long LastInsertedId)> RunAsync(MySqlCommand command, CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var rows = await Driver.ExecuteNonQueryAsync(command, io).ConfigureAwait(false);
        return (rows, command.LastInsertedId);
    }

    public long RowsOf((int Rows, long LastInsertedId) result) => Math.Max(result.Rows, 0);
}
