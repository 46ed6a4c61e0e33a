using System;
using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm;

/// <summary>
/// A transaction begun through a read-only view. The server runs it as <c>START TRANSACTION READ ONLY</c>, so even raw
/// SQL that tries to write inside it is refused (error 1792); every query of the view in the same async flow runs in
/// it and sees one consistent snapshot. Disposing it ends it.
/// </summary>
public sealed class ReadOnlyTransaction : IAsyncDisposable, IDisposable
{
    private readonly Transaction _transaction;

    internal ReadOnlyTransaction(Transaction transaction) => _transaction = transaction;

    /// <inheritdoc cref="Transaction.IsolationLevel"/>
    public System.Data.IsolationLevel IsolationLevel => _transaction.IsolationLevel;

    /// <inheritdoc cref="Transaction.IsActive"/>
    public bool IsActive => _transaction.IsActive;

    /// <summary>Ends the transaction (nothing was written, so committing only releases its snapshot).</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) => _transaction.CommitAsync(cancellationToken);

    /// <inheritdoc cref="CommitAsync"/>
    public void Commit() => _transaction.Commit();

    /// <summary>Ends the transaction.</summary>
    public Task RollbackAsync(CancellationToken cancellationToken = default) => _transaction.RollbackAsync(cancellationToken);

    /// <inheritdoc cref="RollbackAsync"/>
    public void Rollback() => _transaction.Rollback();

    /// <summary>Ends the transaction unless it has ended already.</summary>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => _transaction.Dispose();
}
