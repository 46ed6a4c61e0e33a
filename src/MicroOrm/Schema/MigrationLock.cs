using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm.Schema;

/// <summary>
/// Lets one runner at a time apply migrations to a database. GET_LOCK is held by one session, so that session is kept
/// (leased) until the runner is done; a runner that dies loses its session and with it the lock. A database object
/// on one borrowed connection has only that session: it takes the lock there and lets the lease go, so that the
/// steps can run on it, and takes the lease again to release the lock. Where the server
/// refuses GET_LOCK, a lock row with a lease is taken instead; a dead runner's row is taken over once its lease ends.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>Reads a row as "there is one".</summary>
    private static readonly DelegateRowReader<bool> AnyRow = new(_ => true);

    private readonly CommandExecutor _executor;
    private readonly IOBehavior _io;
    private readonly string? _rowOwner;
    private readonly int _leaseSeconds;
    private ConnectionLease? _session;
    private bool _lockOnBorrowedSession;

    private MigrationLock(CommandExecutor executor, IOBehavior io, ConnectionLease? session, string? rowOwner, int leaseSeconds)
    {
        _executor = executor;
        _io = io;
        _session = session;
        _rowOwner = rowOwner;
        _leaseSeconds = leaseSeconds;
    }

    /// <summary>Whether the lock is the lock row (GET_LOCK was refused, or not to be used).</summary>
    public bool IsRow => _rowOwner is not null;

    public static async ValueTask<MigrationLock> TakeAsync(CommandExecutor executor, MigrationSettings settings, IOBehavior io, CancellationToken cancellationToken)
    {
        if (settings.UseGetLock && !await OnGaleraAsync(executor, io, cancellationToken).ConfigureAwait(false))
        {
            var session = await executor.Source.AcquireAsync(io, cancellationToken).ConfigureAwait(false);
            var taken = false;
            try
            {
                var answer = await ScalarAsync(session, MigrationSql.GetLock((int)Math.Ceiling(settings.LockTimeout.TotalSeconds)), io, cancellationToken).ConfigureAwait(false);
                if (answer is long or int && Convert.ToInt64(answer, System.Globalization.CultureInfo.InvariantCulture) == 1)
                {
                    if (executor.Source is BorrowedConnectionSource) return new MigrationLock(executor, io, null, null, 0) { _lockOnBorrowedSession = true };
                    taken = true;
                    return new MigrationLock(executor, io, session, null, 0);
                }

                throw new MigrationException($"Another runner held the migration lock for longer than {settings.LockTimeout.TotalSeconds:0} s.", 0);
            }
            catch (MySqlException refused) when (refused.Number > 0)
            {
                // Percona XtraDB Cluster's strict mode refuses GET_LOCK; the lock row works on any server and cluster.
            }
            finally
            {
                if (!taken) await session.ReleaseAsync(io).ConfigureAwait(false);
            }
        }

        return await TakeRowAsync(executor, settings, io, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the lock row's lease running through a long migration (GET_LOCK needs nothing).</summary>
    public async ValueTask RenewAsync(CancellationToken cancellationToken)
    {
        if (_rowOwner is not null) await _executor.ExecuteAsync(new CommandRequest(MigrationSql.RenewLockRow(_rowOwner, _leaseSeconds), null, cancellationToken), _io).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            try
            {
                await ScalarAsync(session, MigrationSql.ReleaseLock, _io, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await session.ReleaseAsync(_io).ConfigureAwait(false);
            }
        }
        else if (_lockOnBorrowedSession)
        {
            _lockOnBorrowedSession = false;
            var borrowed = await _executor.Source.AcquireAsync(_io, CancellationToken.None).ConfigureAwait(false);
            try
            {
                await ScalarAsync(borrowed, MigrationSql.ReleaseLock, _io, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await borrowed.ReleaseAsync(_io).ConfigureAwait(false);
            }
        }
        else if (_rowOwner is not null)
        {
            await _executor.ExecuteAsync(new CommandRequest(MigrationSql.ReleaseLockRow(_rowOwner), null, CancellationToken.None), _io).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the server is a Galera node (<c>wsrep_on</c>): its GET_LOCK holds only on that node, so two runners
    /// writing through two nodes would both get it; the lock row, a write the cluster certifies, holds cluster-wide.
    /// </summary>
    private static async ValueTask<bool> OnGaleraAsync(CommandExecutor executor, IOBehavior io, CancellationToken cancellationToken) =>
        await executor.FirstOrDefaultAsync(new CommandRequest(MigrationSql.GaleraOn, null, cancellationToken), AnyRow, io).ConfigureAwait(false);

    private static async ValueTask<MigrationLock> TakeRowAsync(CommandExecutor executor, MigrationSettings settings, IOBehavior io, CancellationToken cancellationToken)
    {
        await executor.ExecuteAsync(new CommandRequest(MigrationSql.CreateLock, null, cancellationToken), io).ConfigureAwait(false);
        var owner = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N");
        var leaseSeconds = (int)Math.Ceiling(settings.LeaseTime.TotalSeconds);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await executor.ExecuteAsync(new CommandRequest(MigrationSql.ExpireLockRow, null, cancellationToken), io).ConfigureAwait(false);
                if (await executor.ExecuteAsync(new CommandRequest(MigrationSql.ClaimLockRow(owner, leaseSeconds), null, cancellationToken), io).ConfigureAwait(false) == 1)
                {
                    return new MigrationLock(executor, io, null, owner, leaseSeconds);
                }
            }
            catch (MicroOrmException conflict) when (conflict.ServerErrorCode == 1213)
            {
                // On Galera two nodes' claims of the row conflict at certification, and the loser is told of a deadlock: not claimed.
            }

            if (clock.Elapsed > settings.LockTimeout) throw new MigrationException($"Another runner held the migration lock row for longer than {settings.LockTimeout.TotalSeconds:0} s.", 0);
            if (io == IOBehavior.Asynchronous) await Task.Delay(settings.PollInterval, cancellationToken).ConfigureAwait(false);
            else Thread.Sleep(settings.PollInterval);
        }
    }

    private static async ValueTask<object?> ScalarAsync(ConnectionLease session, SqlStatement statement, IOBehavior io, CancellationToken cancellationToken)
    {
        // On the held session itself, which the executor cannot be pointed at; disposed in the caller's I/O mode.
        var command = CommandFactory.Create(session.Connection, session.Transaction, statement);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await Driver.ExecuteScalarAsync(command, io).ConfigureAwait(false);
        }
        finally
        {
            await Driver.DisposeAsync(command, io).ConfigureAwait(false);
        }
    }
}
