using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution.Topology;

namespace MicroOrm.Execution;

/// <summary>
/// The executor's side of a topology: which server a command leases from, what a failure says about that server,
/// and whether the command may run again elsewhere. Without a topology (<see cref="Routing"/> is null) none of it
/// runs, and nothing is sent that would not be sent to one server.
/// </summary>
internal sealed partial class CommandExecutor
{
    private readonly AsyncLocal<bool> _primaryOnly = new();

    /// <summary>The source as a topology, when the database has replicas, failover servers or Galera nodes; else <see langword="null"/>.</summary>
    public TopologyConnectionSource? Routing { get; }

    /// <summary>The writes this database object's reads must see (with a topology).</summary>
    public WriteHistory Writes { get; } = new();

    /// <summary>The consistency of this database object's reads, when a query names none.</summary>
    public ReadConsistency ReadConsistency { get; set; }

    /// <summary>
    /// Sends every read of the current async flow to the primary until disposed: for the questions MicroOrm asks the
    /// caller about a commit whose outcome was lost, which a replica could answer before the commit reaches it.
    /// </summary>
    public PrimaryScope ReadPrimaryOnly()
    {
        var previous = _primaryOnly.Value;
        _primaryOnly.Value = true;
        return new PrimaryScope(_primaryOnly, previous);
    }

    /// <summary>
    /// The explicit transaction's connection, else the ambient transaction's; else, for a read a replica may answer,
    /// the topology's choice; else a lease from the source (with a topology, the primary).
    /// </summary>
    private ValueTask<ConnectionLease> AcquireAsync(in CommandRequest request, bool writes, IOBehavior io, CancellationToken cancellationToken)
    {
        if ((request.Transaction ?? CurrentTransaction) is { } transaction) return new ValueTask<ConnectionLease>(transaction.LeaseForCommand());
        if (Routing is { } routing && !writes)
        {
            // Asking whether a lost commit happened: the primary, and on Galera a session that waits for the cluster.
            if (_primaryOnly.Value) return routing.AcquirePrimaryForCheckAsync(io, cancellationToken);
            if (request.MayReadReplica) return routing.AcquireReadAsync(Writes, request.Consistency ?? ReadConsistency, io, cancellationToken);
        }

        return Source.AcquireAsync(io, cancellationToken);
    }

    /// <summary>
    /// Tells the topology what a failure says about the server the command ran on, and answers whether the command
    /// may run again on another: when it cannot have taken effect. A read whose server went away can (its result was
    /// not yet handed on); so can any command a candidate refused as read-only or not ready, which proves it did not
    /// run. A write whose connection broke cannot: its outcome is unknown. In a transaction nothing runs again here;
    /// a failure that sends the topology looking for a new primary is marked, so that the unit of work runs again.
    /// </summary>
    private bool RunsAgain(in ConnectionLease lease, Exception exception, in CommandRequest request, bool writes, bool canRunAgain)
    {
        var routing = Routing!;
        if (routing.MemberOf(lease.Origin) is not { } member) return false;
        var unreachable = Failures.IsUnreachable(exception);
        var notReady = Failures.IsNotReady(exception);
        // MicroOrm's own READ ONLY transactions refuse writes with 1792 too; that says nothing about the server.
        var readOnly = Failures.IsReadOnly(exception) && (request.Transaction ?? CurrentTransaction) is not { IsReadOnly: true };
        if (!unreachable && !notReady && !readOnly) return false;

        // A replica is read-only by design: only its absence, or a Galera node not being ready, takes it out.
        if ((unreachable || notReady) && routing.IsReader(member)) routing.TakeOut(member, unreachable ? MemberHealth.Down : MemberHealth.NotSynced, exception.Message);
        var refused = (readOnly || notReady) && member.IsCandidate && routing.CanFailOver;
        if (member.IsCandidate) routing.PrimaryFailed(member);
        if (refused) exception.Data[Failures.FailedOverKey] = true;

        if (lease.Transaction is not null || request.CancellationToken.IsCancellationRequested) return false;
        if (refused) return true;
        return !writes && canRunAgain && (unreachable || notReady);
    }
}

/// <summary>Ends <see cref="CommandExecutor.ReadPrimaryOnly"/>'s scope.</summary>
internal readonly struct PrimaryScope(AsyncLocal<bool> flag, bool previous) : IDisposable
{
    public void Dispose() => flag.Value = previous;
}
