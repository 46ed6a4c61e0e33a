namespace MicroOrm;

/// <summary>How <c>BulkInsertAsync</c> treats rows whose key (or a unique key) is taken, and what it does when the server cannot load.</summary>
public sealed class BulkInsertOptions
{
    /// <summary>What happens to a row whose key is taken: the load fails and nothing is kept (the default), the row is skipped, or it replaces the old one.</summary>
    public BulkConflict Conflict { get; set; } = BulkConflict.Error;

    /// <summary>
    /// When the connection string or the server does not allow <c>LOAD DATA LOCAL INFILE</c>, insert with multi-row
    /// INSERTs instead (<c>INSERT IGNORE</c> or <c>REPLACE</c> for the conflict options), rather than fail. Off by
    /// default: a load that quietly runs ten times slower is a surprise too.
    /// </summary>
    public bool FallbackToInsert { get; set; }
}

/// <summary>What a bulk load does with a row whose key or unique key another row already has.</summary>
public enum BulkConflict
{
    /// <summary>The load fails, and no row of it is kept.</summary>
    Error,

    /// <summary>The row is skipped; the old one stays (<c>IGNORE</c>).</summary>
    Ignore,

    /// <summary>The old row is deleted and the new one inserted (<c>REPLACE</c>): a delete, so its declared cascades run.</summary>
    Replace,
}
