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
    /// <exception cref="FormatException">
    /// The text is not a GTID position or set (digits, hex digits, <c>-</c>, <c>:</c> and <c>,</c>), or is over 4,096
    /// characters: a token from a cookie or header is checked before any server is asked to wait for it.
    /// </exception>
    public static ConsistencyToken Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = text.Trim();
        if (position.Length > 4096 || position.AsSpan().IndexOfAnyExcept(Allowed) >= 0)
        {
            throw new FormatException("A consistency token is a MariaDB GTID position (0-1-42) or a MySQL GTID set (uuid:1-42), of at most 4,096 characters.");
        }

        return new ConsistencyToken(position);
    }

    private static readonly System.Buffers.SearchValues<char> Allowed = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF-:,\n ");

    /// <inheritdoc />
    public override string ToString() => Position;
}
