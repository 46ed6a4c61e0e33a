using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>Something that lends its connection to one command at a time and must hear when the command ends.</summary>
internal interface ILeaseOwner
{
    void EndCommand();
}

/// <summary>
/// A connection held for one operation. Pooled leases close (return to the pool) when released; a borrowed
/// connection or a transaction's connection stays open, and its owner is told the command has ended.
/// </summary>
internal readonly struct ConnectionLease
{
    private readonly ILeaseOwner? _owner;

    public ConnectionLease(MySqlConnection connection, MySqlTransaction? transaction, bool closeOnRelease, ILeaseOwner? owner = null, CommandCache? commands = null, ConnectionSource? origin = null)
    {
        Origin = origin;
        Commands = commands;
        Connection = connection;
        Transaction = transaction;
        CloseOnRelease = closeOnRelease;
        _owner = owner;
    }

    public MySqlConnection Connection { get; }

    /// <summary>
    /// The source that opened the connection: the one server it is on, whose telemetry names that server and whose
    /// backslash guard knows its sessions. With a topology it is one of its servers, not the topology.
    /// </summary>
    public ConnectionSource? Origin { get; }

    public MySqlTransaction? Transaction { get; }

    public bool CloseOnRelease { get; }

    /// <summary>Where commands on this connection are kept for reuse, when the connection serves many commands.</summary>
    public CommandCache? Commands { get; }

    public ValueTask ReleaseAsync(IOBehavior io)
    {
        _owner?.EndCommand();
        return CloseOnRelease ? Driver.CloseAsync(Connection, io) : ValueTask.CompletedTask;
    }
}
