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
    /// Runs <paramref name="work"/> as one unit of work in a transaction: commits when it returns, rolls back when it
    /// throws (and rethrows). When the transaction fails for a transient reason (a deadlock, a lock wait timeout, too
    /// many connections, a connection lost before COMMIT), it is rolled back and <paramref name="work"/> runs again
    /// from the start, as <see cref="MicroOrmOptions.Retry"/> allows; so <paramref name="work"/> must do nothing
    /// outside the database that cannot be done twice. Inside an open transaction it runs in a nested scope and is
    /// never retried on its own. A failure during COMMIT is never retried: it raises
    /// <see cref="CommitOutcomeUnknownException"/>.
    /// </summary>
    public Task<T> RunInTransactionAsync<T>(
        Func<Transaction, CancellationToken, Task<T>> work,
        IsolationLevel isolationLevel = IsolationLevel.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunUnitAsync(work, null, isolationLevel, isReadOnly: false, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as a unit of work that survives a connection lost during COMMIT: when the outcome
    /// is unknown, <paramref name="verifyCommitted"/> is asked (on a fresh connection, retried while the server is
    /// unreachable) whether the work's effects are in the database, for example by looking for a row the work wrote
    /// with a unique id. If they are, the result is returned; if not, the work runs again, as after any transient
    /// failure; if no answer comes, <see cref="CommitOutcomeUnknownException"/> is thrown.
    /// </summary>
    public Task<T> RunInTransactionAsync<T>(
        Func<Transaction, CancellationToken, Task<T>> work,
        Func<CancellationToken, Task<bool>> verifyCommitted,
        IsolationLevel isolationLevel = IsolationLevel.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(verifyCommitted);
        return RunUnitAsync(work, verifyCommitted, isolationLevel, isReadOnly: false, cancellationToken);
    }

    /// <inheritdoc cref="RunInTransactionAsync{T}(Func{Transaction, CancellationToken, Task{T}}, IsolationLevel, CancellationToken)"/>
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

    /// <summary>The options the database object was made with.</summary>
    internal MicroOrmOptions Options => _source.Options;

    /// <summary>A unit of work: retried when it is the outermost transaction, run once as a nested scope otherwise.</summary>
    internal Task<T> RunUnitAsync<T>(
        Func<Transaction, CancellationToken, Task<T>> work, Func<CancellationToken, Task<bool>>? verifyCommitted, IsolationLevel isolationLevel, bool isReadOnly, CancellationToken cancellationToken) =>
        CurrentTransaction is null
            ? UnitOfWork.RunAsync(this, work, verifyCommitted, isolationLevel, isReadOnly, cancellationToken)
            : RunOnceAsync(work, isolationLevel, isReadOnly, cancellationToken);

    /// <summary>Runs <paramref name="work"/> once: for the library's own multi-statement writes, which change the entities they are given and so cannot simply run again.</summary>
    internal Task<T> RunOnceAsync<T>(Func<Transaction, CancellationToken, Task<T>> work, IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        RunOnceAsync(work, isolationLevel, isReadOnly: false, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction (or nested scope), once.</summary>
    internal async Task<T> RunOnceAsync<T>(Func<Transaction, CancellationToken, Task<T>> work, IsolationLevel isolationLevel, bool isReadOnly, CancellationToken cancellationToken)
    {
        await using var transaction = await Executor.BeginTransactionAsync(isolationLevel, isReadOnly, cancellationToken).ConfigureAwait(false);
        var result = await work(transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
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
        var now = Options.TimeProvider.GetUtcNow().UtcDateTime;
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
