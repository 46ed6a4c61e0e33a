using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>A query whose rows are projected: to a value, a tuple, or a <c>[Row]</c> type.</summary>
/// <typeparam name="T">What each row becomes.</typeparam>
public sealed class ProjectionQuery<T>
{
    private readonly DatabaseContext _database;
    private readonly TableInfo _table;
    /// <summary>Writes the query's SQL, its page cut to at most the given number of rows when one is given.</summary>
    private readonly Func<int?, SqlWriter> _sql;
    private readonly RowReader<T>? _reader;
    private readonly ReaderFactory<T>? _readerFactory;

    internal ProjectionQuery(DatabaseContext database, TableInfo table, QueryShape shape, ISelectable[] selectList, Func<DbDataReader, T> read)
        : this(database, table, atMost => QuerySql.Select(table, shape.AtMost(atMost), selectList), new DelegateRowReader<T>(read), null, shape.Consistency)
    {
    }

    internal ProjectionQuery(DatabaseContext database, TableInfo table, QueryShape shape, ISelectable[] selectList, ReaderFactory<T> readerFactory)
        : this(database, table, atMost => QuerySql.Select(table, shape.AtMost(atMost), selectList), null, readerFactory, shape.Consistency)
    {
    }

    /// <summary>The consistency of the query it was selected from (<c>ReadFrom</c>), or <see langword="null"/>.</summary>
    private readonly ReadConsistency? _consistency;

    internal ProjectionQuery(DatabaseContext database, TableInfo table, Func<int?, SqlWriter> sql, RowReader<T>? reader, ReaderFactory<T>? readerFactory, ReadConsistency? consistency)
    {
        _database = database;
        _table = table;
        _sql = sql;
        _reader = reader;
        _consistency = consistency;
        _readerFactory = readerFactory;
    }

    /// <summary>The SQL the query sends, and its parameters.</summary>
    public SqlStatement ToSql() => _sql(null).ToStatement();

    /// <summary>Runs the query and returns every projected row.</summary>
    public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default) => ListAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ToListAsync(CancellationToken)"/>
    public List<T> ToList() => Synchronously.Result(ListAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs the query and yields projected rows as they arrive.</summary>
    public IAsyncEnumerable<T> AsAsyncEnumerable(CancellationToken cancellationToken = default) => Stream(cancellationToken);

    /// <summary>Runs the query and yields projected rows as they arrive, read synchronously.</summary>
    public IEnumerable<T> AsEnumerable() => Stream(CancellationToken.None);

    /// <summary>The first projected row, or the default of <typeparamref name="T"/> when there is none.</summary>
    public Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) => FirstOrDefaultAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="FirstOrDefaultAsync(CancellationToken)"/>
    public T? FirstOrDefault() => Synchronously.Result(FirstOrDefaultAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The request to run, reading at most <paramref name="atMost"/> rows when given (the first row needs one).</summary>
    private CommandRequest Request(CancellationToken cancellationToken, int? atMost = null) => new CommandRequest(_sql(atMost).ToStatement(), _table, cancellationToken).AsRead(_consistency);

    private ValueTask<List<T>> ListAsync(IOBehavior io, CancellationToken cancellationToken) =>
        _reader is not null
            ? _database.Executor.ListAsync(Request(cancellationToken), _reader, io)
            : _database.Executor.ListAsync(Request(cancellationToken), _readerFactory!, io);

    private ValueTask<T?> FirstOrDefaultAsync(IOBehavior io, CancellationToken cancellationToken) =>
        _reader is not null
            ? _database.Executor.FirstOrDefaultAsync(Request(cancellationToken, atMost: 1), _reader, io)
            : _database.Executor.FirstOrDefaultAsync(Request(cancellationToken, atMost: 1), _readerFactory!, io);

    private RowStream<T> Stream(CancellationToken cancellationToken) =>
        _reader is not null
            ? _database.Executor.Stream(Request(cancellationToken), _reader)
            : _database.Executor.Stream(Request(cancellationToken), _readerFactory!);
}

/// <summary>A row reader that is a delegate, for projections the runtime builds.</summary>
internal sealed class DelegateRowReader<T>(Func<DbDataReader, T> read) : RowReader<T>
{
    public override T Read(DbDataReader reader) => read(reader);
}
