using System;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Base of every generated <c>[Database]</c> class. It owns (or borrows) the connection source and gives the
/// generated table accessors the machinery that runs their commands.
/// </summary>
/// <remarks>
/// A database object made from a connection string or data source is safe to share between threads: each operation
/// leases its own pooled connection.
/// </remarks>
public abstract class DatabaseContext : IAsyncDisposable
{
    private readonly ConnectionSource _source;
    private readonly bool _ownsSource;

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

    internal CommandExecutor Executor { get; }

    /// <summary>Releases the connection pool when the database object owns it.</summary>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _ownsSource ? _source.DisposeAsync() : ValueTask.CompletedTask;
    }
}
