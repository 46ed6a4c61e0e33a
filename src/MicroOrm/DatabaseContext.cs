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
public abstract class DatabaseContext : RawSqlCommands, IAsyncDisposable, IDisposable
{
    private readonly ConnectionSource _source;
    private readonly bool _ownsSource;
    private readonly DatabaseContext? _root;
    private ServerFacts? _serverFacts;
    private RawSqlRunner? _raw;

    /// <summary>Called by the generated constructor.</summary>
    /// <param name="source">Where connections come from.</param>
    /// <param name="ownsSource">Whether disposing the database disposes <paramref name="source"/>.</param>
    /// <param name="tables">The entities' tables, ordered so that every table comes after the tables it references.</param>
    protected DatabaseContext(ConnectionSource source, bool ownsSource, TableInfo[] tables)
        : this(source, ownsSource, tables, [])
    {
    }

    /// <summary>Called by the generated constructor.</summary>
    /// <param name="source">Where connections come from.</param>
    /// <param name="ownsSource">Whether disposing the database disposes <paramref name="source"/>.</param>
    /// <param name="tables">The entities' tables, ordered so that every table comes after the tables it references.</param>
    /// <param name="migrations">The migration files of the database's folder, embedded by the generator.</param>
    protected DatabaseContext(ConnectionSource source, bool ownsSource, TableInfo[] tables, Migration[] migrations)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _ownsSource = ownsSource;
        Executor = new CommandExecutor(source);
        Schema = new SchemaManager(this, tables);
        Migrations = new MigrationManager(this, migrations);
    }

    /// <summary>
    /// Called by the generated tenant view (<c>ForTenant</c>): the same connections, transactions, schema and
    /// migrations as <paramref name="parent"/>, with every query and write of an entity that has a <c>[TenantKey]</c>
    /// limited to <paramref name="tenant"/>. The view does not own the connection source.
    /// </summary>
    /// <param name="parent">The database object the view is made from.</param>
    /// <param name="tenant">The tenant, of the type of the model's <c>[TenantKey]</c> properties.</param>
    protected DatabaseContext(DatabaseContext parent, object tenant)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(tenant);
        _source = parent._source;
        _ownsSource = false;
        _root = parent._root ?? parent;
        Executor = parent.Executor;
        Schema = parent.Schema;
        Migrations = parent.Migrations;
        Filters = new FilterState(tenant, QueryFilter.None);
    }

    /// <summary>The database's migrations (the files of <c>Migrations/&lt;ClassName&gt;/</c>), and applying them.</summary>
    public MigrationManager Migrations { get; }

    /// <summary>Creates and drops the tables of the database's entities.</summary>
    public SchemaManager Schema { get; }

    /// <summary>The innermost transaction open in the current async flow, or <see langword="null"/>.</summary>
    public Transaction? CurrentTransaction => Executor.CurrentTransaction;

    /// <summary>
    /// Where this object's reads outside a transaction go when the database has replicas
    /// (<see cref="MicroOrmOptions.Topology"/>): it starts as the topology's <see cref="TopologyOptions.ReadConsistency"/>,
    /// and a query can ask for another (<c>ReadFrom</c>). Without replicas every read goes to the one server whatever
    /// it says. Writes, transactions and units of work always go to the primary.
    /// </summary>
    public ReadConsistency ReadConsistency
    {
        get => Executor.ReadConsistency;
        set => Executor.ReadConsistency = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a read consistency.");
    }

    /// <summary>
    /// The position of the last write made through this object (from any thread or flow), to hand to another object
    /// (another request, another process) whose reads must see it: there, <see cref="ReadAfter"/>. <see langword="null"/>
    /// before the first write, when the last write's position could not be read (a server without GTIDs), and always
    /// without replicas.
    /// </summary>
    public ConsistencyToken? GetConsistencyToken() => Executor.Routing is { HasReaders: true } routing ? routing.TokenOf(Executor.Writes) : null;

    /// <summary>
    /// Makes this object's read-your-writes reads see the write <paramref name="token"/> was taken after, as if it had
    /// been made here: a replica read waits until the replica has applied it (or reads the primary). Without replicas
    /// there is nothing to wait for, and this does nothing.
    /// </summary>
    public void ReadAfter(ConsistencyToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (Executor.Routing is { HasReaders: true }) Executor.Writes.Wrote(token.Position.Length > 0 ? token.Position : null);
    }

    internal CommandExecutor Executor { get; }

    /// <summary>The tenant this object serves, if any; every query and write of a filtered entity starts from these.</summary>
    internal FilterState Filters { get; } = FilterState.NoTenant;

    /// <summary>
    /// The generated <c>ForTenant</c>, for callers that hold the tenant as an object (dependency injection); a database
    /// whose model has no <c>[TenantKey]</c> has no tenants.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is not of the tenant key's type.</exception>
    protected virtual DatabaseContext ForTenantObject(object tenant) =>
        throw new InvalidOperationException($"{GetType().Name} has no entity with a [TenantKey] property, so it has no tenants.");

    /// <summary><see cref="ForTenantObject"/>, for the library's own callers.</summary>
    internal DatabaseContext ForTenantValue(object tenant) => ForTenantObject(tenant);

    private protected override RawSqlRunner Raw => _raw ??= new RawSqlRunner(Executor, null);

    /// <summary>
    /// Begins a transaction. Until it is committed, rolled back or disposed, every query and write made through this
    /// object in the same async flow runs inside it. Inside another transaction it begins a nested scope (a savepoint).
    /// </summary>
    public ValueTask<Transaction> BeginTransactionAsync(IsolationLevel isolationLevel = IsolationLevel.Unspecified, CancellationToken cancellationToken = default) =>
        Executor.BeginTransactionAsync(isolationLevel, isReadOnly: false, IOBehavior.Asynchronous, cancellationToken);

    /// <inheritdoc cref="BeginTransactionAsync(IsolationLevel, CancellationToken)"/>
    public Transaction BeginTransaction(IsolationLevel isolationLevel = IsolationLevel.Unspecified) =>
        Synchronously.Result(Executor.BeginTransactionAsync(isolationLevel, isReadOnly: false, IOBehavior.Synchronous, CancellationToken.None));

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
        return RunUnitAsync(Work(work), null, isolationLevel, isReadOnly: false, IOBehavior.Asynchronous, cancellationToken).AsTask();
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
        return RunUnitAsync(Work(work), ct => new ValueTask<bool>(verifyCommitted(ct)), isolationLevel, isReadOnly: false, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <inheritdoc cref="RunInTransactionAsync{T}(Func{Transaction, CancellationToken, Task{T}}, IsolationLevel, CancellationToken)"/>
    public Task RunInTransactionAsync(
        Func<Transaction, CancellationToken, Task> work,
        IsolationLevel isolationLevel = IsolationLevel.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunUnitAsync<bool>(async (transaction, ct) =>
        {
            await work(transaction, ct).ConfigureAwait(false);
            return true;
        }, null, isolationLevel, isReadOnly: false, IOBehavior.Asynchronous, cancellationToken).AsTask();
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of work in a transaction, with synchronous I/O: commits when it
    /// returns, rolls back when it throws, and runs it again after a transient failure, as
    /// <see cref="RunInTransactionAsync{T}(Func{Transaction, CancellationToken, Task{T}}, IsolationLevel, CancellationToken)"/> does.
    /// </summary>
    public T RunInTransaction<T>(Func<Transaction, T> work, IsolationLevel isolationLevel = IsolationLevel.Unspecified)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Synchronously.Result(RunUnitAsync((transaction, _) => new ValueTask<T>(work(transaction)), null, isolationLevel, isReadOnly: false, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <summary>
    /// Runs <paramref name="work"/> as a unit of work that survives a connection lost during COMMIT, with synchronous
    /// I/O; see <see cref="RunInTransactionAsync{T}(Func{Transaction, CancellationToken, Task{T}}, Func{CancellationToken, Task{bool}}, IsolationLevel, CancellationToken)"/>.
    /// </summary>
    public T RunInTransaction<T>(Func<Transaction, T> work, Func<bool> verifyCommitted, IsolationLevel isolationLevel = IsolationLevel.Unspecified)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(verifyCommitted);
        return Synchronously.Result(RunUnitAsync(
            (transaction, _) => new ValueTask<T>(work(transaction)), _ => new ValueTask<bool>(verifyCommitted()), isolationLevel, isReadOnly: false, IOBehavior.Synchronous, CancellationToken.None));
    }

    /// <inheritdoc cref="RunInTransaction{T}(Func{Transaction, T}, IsolationLevel)"/>
    public void RunInTransaction(Action<Transaction> work, IsolationLevel isolationLevel = IsolationLevel.Unspecified)
    {
        ArgumentNullException.ThrowIfNull(work);
        RunInTransaction(transaction =>
        {
            work(transaction);
            return true;
        }, isolationLevel);
    }

    /// <summary>The options the database object was made with.</summary>
    internal MicroOrmOptions Options => _source.Options;

    /// <summary>A unit of work: retried when it is the outermost transaction, run once as a nested scope otherwise.</summary>
    internal ValueTask<T> RunUnitAsync<T>(
        UnitWork<T> work, Func<CancellationToken, ValueTask<bool>>? verifyCommitted, IsolationLevel isolationLevel, bool isReadOnly, IOBehavior io, CancellationToken cancellationToken) =>
        CurrentTransaction is null
            ? UnitOfWork.RunAsync(this, work, verifyCommitted, isolationLevel, isReadOnly, io, cancellationToken)
            : RunOnceAsync(work, isolationLevel, isReadOnly, io, cancellationToken);

    /// <summary>Runs <paramref name="work"/> once: for the library's own multi-statement writes, which change the entities they are given and so cannot simply run again.</summary>
    internal ValueTask<T> RunOnceAsync<T>(UnitWork<T> work, IOBehavior io, CancellationToken cancellationToken) =>
        RunOnceAsync(work, IsolationLevel.Unspecified, isReadOnly: false, io, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction (or nested scope), once.</summary>
    internal async ValueTask<T> RunOnceAsync<T>(UnitWork<T> work, IsolationLevel isolationLevel, bool isReadOnly, IOBehavior io, CancellationToken cancellationToken)
    {
        var transaction = await Executor.BeginTransactionAsync(isolationLevel, isReadOnly, io, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await work(transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(io, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await transaction.DisposeAsync(io).ConfigureAwait(false);
        }
    }

    /// <summary>The user's asynchronous unit of work as the pipeline runs it.</summary>
    private static UnitWork<T> Work<T>(Func<Transaction, CancellationToken, Task<T>> work) => (transaction, ct) => new ValueTask<T>(work(transaction, ct));

    /// <summary>Releases the connection pool when the database object owns it.</summary>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _ownsSource ? _source.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_ownsSource) _source.Dispose();
    }

    /// <summary>The current UTC time as DATETIME(6) stores it (microseconds), so a stamped entity equals its row.</summary>
    internal DateTime UtcNowForColumns()
    {
        var now = Options.TimeProvider.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The dialect the options name, or else the one the server's handshake showed (see <see cref="ConnectionSource.GetDialectAsync"/>).</summary>
    internal ValueTask<SqlDialect> GetDialectAsync(IOBehavior io, CancellationToken cancellationToken) =>
        _source.Dialect is { } known ? new(known) : _source.GetDialectAsync(io, cancellationToken);

    /// <summary>The server limits that shape multi-row inserts, asked once per database object.</summary>
    internal async ValueTask<ServerFacts> GetServerFactsAsync(IOBehavior io, CancellationToken cancellationToken) =>
        _root is { } root
            ? await root.GetServerFactsAsync(io, cancellationToken).ConfigureAwait(false)
            : _serverFacts ??= await ServerFacts.QueryAsync(Executor, io, cancellationToken).ConfigureAwait(false);
}
