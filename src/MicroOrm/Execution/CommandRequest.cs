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
}
