using System;

namespace MicroOrm;

/// <summary>
/// Where a write left the primary's replication stream (a MariaDB GTID, or MySQL's executed GTID set), to carry to
/// another database object, another request or another process: there, <see cref="DatabaseContext.ReadAfter"/> makes
/// replica reads wait until that write is applied. Its text (<see cref="ToString"/>) is what to put in a cookie or a
/// header; <see cref="Parse"/> reads it back.
/// </summary>
public sealed class ConsistencyToken
{
    internal ConsistencyToken(string position) => Position = position;

    /// <summary>The replication position; empty on a Galera cluster, where a causal read needs none.</summary>
    public string Position { get; }

    /// <summary>A token from its text.</summary>
    /// <exception cref="FormatException">The text has a line break or is over 4,096 characters (a GTID set is far shorter).</exception>
    public static ConsistencyToken Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 4096 || text.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new FormatException("A consistency token is a GTID position or set on one line, of at most 4,096 characters.");
        return new ConsistencyToken(text.Trim());
    }

    /// <inheritdoc />
    public override string ToString() => Position;
}
