using System;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// Base of every generated <c>[Database]</c> class. It owns (or borrows) the connection source and gives the
/// generated table accessors the machinery that runs their commands.
/// </summary>
/// <remarks>
/// A database object made from a connection string or data source is safe to share between threads: each operation
/// leases its own pooled connection. A transaction belongs to the async flow that began it.
/// </remarks>
public abstract partial class DatabaseContext : IAsyncDisposable
{
    private readonly ConnectionSource _source;
    private readonly bool _ownsSource;
    private readonly TimeProvider _clock = TimeProvider.System;
    private Task<ServerFacts>? _serverFacts;
    private RawSqlRunner? _raw;

    /// <summary>Called by the generated constructor.</summary>
    /// <param name="source">Where connections come from.</param>
    /// <param name="ownsSource">Whether disposing the database disposes <paramref name="source"/>.</param>
    /// <param name="tables">The entities' tables, ordered so that every table comes after the tables it references.</param>
    protected DatabaseContext(ConnectionSource source, bool ownsSource, TableInfo[] tables)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _ownsSource = ownsSource;
        Executor = new CommandExecutor(source);
        Schema = new SchemaManager(this, tables);
    }

    /// <summary>Creates and drops the tables of the database's entities.</summary>
    public SchemaManager Schema { get; }

    /// <summary>The innermost transaction open in the current async flow, or <see langword="null"/>.</summary>
    public Transaction? CurrentTransaction => Executor.CurrentTransaction;

    internal CommandExecutor Executor { get; }

    /// <summary>
    /// Begins a transaction. Until it is committed, rolled back or disposed, every query and write made through this
    /// object in the same async flow runs inside it. Inside another transaction it begins a nested scope (a savepoint).
    /// </summary>
    public ValueTask<Transaction> BeginTransactionAsync(IsolationLevel isolationLevel = IsolationLevel.Unspecified, CancellationToken cancellationToken = default) =>
        Executor.BeginTransactionAsync(isolationLevel, isReadOnly: false, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: commits when it returns, rolls back when it throws (and
    /// rethrows). Inside an open transaction it runs in a nested scope.
    /// </summary>
    public async Task<T> RunInTransactionAsync<T>(
        Func<Transaction, CancellationToken, Task<T>> work,
        IsolationLevel isolationLevel = IsolationLevel.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false);
        var result = await work(transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction: commits when it returns, rolls back when it throws.</summary>
    public Task RunInTransactionAsync(
        Func<Transaction, CancellationToken, Task> work,
        IsolationLevel isolationLevel = IsolationLevel.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunInTransactionAsync<bool>(async (transaction, ct) =>
        {
            await work(transaction, ct).ConfigureAwait(false);
            return true;
        }, isolationLevel, cancellationToken);
    }

    /// <summary>Releases the connection pool when the database object owns it.</summary>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _ownsSource ? _source.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <summary>The current UTC time as DATETIME(6) stores it (microseconds), so a stamped entity equals its row.</summary>
    internal DateTime UtcNowForColumns()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The server limits that shape multi-row inserts, asked once per database object.</summary>
    internal Task<ServerFacts> GetServerFactsAsync(CancellationToken cancellationToken)
    {
        var facts = _serverFacts;
        if (facts is { IsCompletedSuccessfully: true }) return facts;
        return _serverFacts = ServerFacts.QueryAsync(Executor, cancellationToken);
    }
}
