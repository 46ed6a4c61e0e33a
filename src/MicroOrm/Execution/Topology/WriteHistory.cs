using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace MicroOrm.Execution.Topology;

/// <summary>
/// The writes that a database object's reads must see: the position of the last one in the primary's replication
/// stream (when it could be read), and when it happened. Every write through the object counts, from any thread or
/// async flow; a <see cref="ConsistencyToken"/> adopted with <c>ReadAfter</c> counts as a write.
/// </summary>
internal sealed class WriteHistory
{
    private Mark? _last;

    /// <summary>The last write, or <see langword="null"/> before the first.</summary>
    public Mark? Last => Volatile.Read(ref _last);

    /// <summary>
    /// Records a write at <paramref name="position"/>, or, when <see langword="null"/>, a write whose position could
    /// not be read: the last known position is kept (earlier writes still need it), and the unknown one is dated, so
    /// that reads go to the primary for a while instead.
    /// </summary>
    public void Wrote(string? position)
    {
        var now = Stopwatch.GetTimestamp();
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var mark = position is null
                ? new Mark(last?.Position, last?.WrittenAt ?? now, now)
                // Two writes recorded at once from two flows: the later position wins, whichever thread gets here last.
                : new Mark(last?.Position is { } known && IsBefore(position, known) ? known : position, now, last?.UnknownAt ?? 0);
            if (Interlocked.CompareExchange(ref _last, mark, last) == last) return;
        }
    }

    /// <summary>
    /// Whether MariaDB GTID <paramref name="position"/> comes before <paramref name="other"/> in the same replication
    /// domain (<c>domain-server-sequence</c>); any other pair (MySQL GTID sets, other domains) is not compared.
    /// </summary>
    public static bool IsBefore(string position, string other)
    {
        if (!TryParse(position, out var domain, out var sequence) || !TryParse(other, out var otherDomain, out var otherSequence)) return false;
        return domain == otherDomain && sequence < otherSequence;
    }

    private static bool TryParse(string gtid, out long domain, out long sequence)
    {
        domain = sequence = 0;
        var parts = gtid.Split('-');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out domain)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>
    /// The last write: the last known position and when a write was recorded with it, and when a write was recorded
    /// without one (0: never); <see cref="Stopwatch"/> timestamps.
    /// </summary>
    internal sealed record Mark(string? Position, long WrittenAt, long UnknownAt)
    {
        public TimeSpan Age => Stopwatch.GetElapsedTime(WrittenAt);

        /// <summary>How long ago a write was recorded without a position; <see cref="TimeSpan.MaxValue"/> when none was.</summary>
        public TimeSpan UnknownAge => UnknownAt == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(UnknownAt);

        /// <summary>How long ago the last write was recorded, with a position or without.</summary>
        public TimeSpan SinceLastWrite => Age < UnknownAge ? Age : UnknownAge;
    }
}
