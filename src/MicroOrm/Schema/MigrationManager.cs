using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Schema;

namespace MicroOrm;

/// <summary>
/// The migrations of a database, embedded by the generator from <c>Migrations/&lt;ClassName&gt;/NNNN_Name.sql</c>, and
/// applying them from the application: one runner at a time (a lock), each step once, resuming where a stopped run
/// stopped, refusing an applied migration whose file has changed.
/// </summary>
public sealed class MigrationManager
{
    private readonly DatabaseContext _database;
    private readonly Migration[] _migrations;

    internal MigrationManager(DatabaseContext database, Migration[] migrations)
    {
        _database = database;
        _migrations = migrations;
    }

    /// <summary>Every migration, in version order.</summary>
    public IReadOnlyList<Migration> All => _migrations;

    internal MigrationSettings Settings { get; set; } = new();

    /// <summary>Applies the pending migrations in version order; returns those this call applied.</summary>
    /// <exception cref="MigrationException">A step failed (the message says which, and what is applied), an applied migration changed, or the lock stayed taken.</exception>
    public Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken cancellationToken = default) =>
        MigrationRunner.ApplyAsync(_database, _migrations, Settings, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="ApplyAsync(CancellationToken)"/>
    public IReadOnlyList<Migration> Apply() =>
        Synchronously.Result(MigrationRunner.ApplyAsync(_database, _migrations, Settings, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The migrations not yet applied in full (one that stopped halfway included), in the order they would be applied.</summary>
    public Task<IReadOnlyList<Migration>> GetPendingAsync(CancellationToken cancellationToken = default) =>
        MigrationRunner.PendingAsync(_database, _migrations, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="GetPendingAsync(CancellationToken)"/>
    public IReadOnlyList<Migration> GetPending() =>
        Synchronously.Result(MigrationRunner.PendingAsync(_database, _migrations, IOBehavior.Synchronous, CancellationToken.None));
}
