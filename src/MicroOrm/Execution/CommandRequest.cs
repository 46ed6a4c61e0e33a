using System.Data;
using System.Threading;
using MicroOrm.Mapping;

namespace MicroOrm.Execution;

/// <summary>
/// One command to run: the statement, the table it concerns (for telemetry and error messages), the transaction it
/// must run in (none: the ambient one, or a pooled lease), how the reader is opened, and the caller's token. What
/// every entry point used to pass separately, as one value.
/// </summary>
internal readonly struct CommandRequest(SqlStatement statement, TableInfo? table, CancellationToken cancellationToken, Transaction? transaction = null, CommandBehavior behavior = CommandBehavior.Default)
{
    public SqlStatement Statement { get; } = statement;

    public TableInfo? Table { get; } = table;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A transaction named explicitly (raw SQL on a <see cref="MicroOrm.Transaction"/>); otherwise the ambient one.</summary>
    public Transaction? Transaction { get; } = transaction;

    public CommandBehavior Behavior { get; } = behavior;

    /// <summary>
    /// Whether a replica may answer: set by the user's queries (MicroOrm's own reads of history and schema stay on the
    /// primary). Only a command that writes nothing is routed, and only outside a transaction.
    /// </summary>
    public bool MayReadReplica { get; init; }

    /// <summary>
    /// Whether the command may write although its handler reads a result (raw SQL's scalar: <c>INSERT ... RETURNING</c>):
    /// it is then never run again after a broken connection, and is recorded as a write for read-your-writes.
    /// </summary>
    public bool MayWrite { get; init; }

    /// <summary>The consistency this read asks for; <see langword="null"/> for the database object's.</summary>
    public ReadConsistency? Consistency { get; init; }

    /// <summary>The same request for a user's read, which a replica may answer with <paramref name="consistency"/> (the database object's when null).</summary>
    public CommandRequest AsRead(ReadConsistency? consistency = null) => this with { MayReadReplica = true, Consistency = consistency };
}
