using System;
using System.Collections.Generic;

namespace MicroOrm;

/// <summary>
/// One command, as an <see cref="ICommandInterceptor"/> sees it: its SQL (placeholders, never values), its parameters,
/// the table it concerns and whether it writes.
/// </summary>
public sealed class CommandContext
{
    private readonly ICommandInterceptor[] _interceptors;

    internal CommandContext(SqlStatement statement, string? table, bool writes, string database, ICommandInterceptor[] interceptors)
    {
        Statement = statement;
        Table = table;
        Writes = writes;
        Database = database;
        _interceptors = interceptors;
    }

    /// <summary>The statement that will be sent: the SQL text with <c>@pN</c> placeholders, and the values.</summary>
    public SqlStatement Statement { get; private set; }

    /// <summary>The SQL text that will be sent.</summary>
    public string Sql => Statement.Text;

    /// <summary>The parameters, by placeholder name. Values can be secrets: log them only where that is allowed.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => Statement.Parameters;

    /// <summary>The table the command concerns (MicroOrm's own queries and writes), or <see langword="null"/> (raw SQL).</summary>
    public string? Table { get; }

    /// <summary>Whether the command may write: a write, or raw SQL other than a row query (a raw scalar may be <c>INSERT ... RETURNING</c>).</summary>
    public bool Writes { get; }

    /// <summary>The name of the database the connections use.</summary>
    public string Database { get; }

    /// <summary>
    /// Appends <c>/* text */</c> to the SQL, so the server's logs and process list show where a statement comes from.
    /// A <c>*/</c> in the text is broken up, so a tag can only ever be a comment.
    /// </summary>
    public void Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var safe = text.Replace("*/", "* /", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        Statement = new SqlStatement(Statement.Text + " /* " + safe + " */", Statement.ValueArray);
    }

    /// <inheritdoc />
    public override string ToString() => Sql;

    /// <summary>Tells each interceptor that the command ran; one that throws stops the others, and the caller gets its exception.</summary>
    internal void OnExecuted(CommandOutcome outcome)
    {
        foreach (var interceptor in _interceptors) interceptor.Executed(this, outcome);
    }

    /// <summary>
    /// Tells each interceptor that the command failed with <paramref name="exception"/> (what the caller is given). An
    /// interceptor that throws does not hide that failure: the caller gets both, in an <see cref="AggregateException"/>.
    /// </summary>
    internal void OnFailed(TimeSpan duration, Exception exception)
    {
        List<Exception>? errors = null;
        foreach (var interceptor in _interceptors)
        {
            try
            {
                interceptor.Failed(this, duration, exception);
            }
            catch (Exception error)
            {
                (errors ??= [exception]).Add(error);
            }
        }

        if (errors is not null) throw new AggregateException("An interceptor failed while it was told that a command failed; the command's own failure comes first.", errors);
    }
}
