using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Where SQL text is written and kept. A query built the same way twice writes the same text twice; the second time
/// it is found in <see cref="Texts"/> by its characters, before a string is made, so a repeated query shape allocates
/// no text at all. The builders themselves are reused, one per thread. Both are bounded: texts past
/// <see cref="Capacity"/> (SQL built from varying shapes) are made fresh each time and not kept.
/// </summary>
internal static class SqlText
{
    private const int Capacity = 4096;
    private const int MaxKeptBuilder = 16 * 1024;
    private const int MaxInternedLength = 8 * 1024;

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan = Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many texts are kept: counted here because <c>ConcurrentDictionary.Count</c> takes every lock.</summary>
    private static int s_kept;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>A cleared builder: this thread's spare one, or a new one when it is in use (a writer inside a writer).</summary>
    public static StringBuilder Rent(int capacity = 256)
    {
        var builder = t_builder;
        if (builder is null) return new StringBuilder(Math.Max(capacity, 256));
        t_builder = null;
        return builder;
    }

    /// <summary>The builder's text, interned, and the builder handed back for the next statement on this thread.</summary>
    public static string Finish(StringBuilder builder)
    {
        var text = Intern(builder);
        if (builder.Capacity <= MaxKeptBuilder)
        {
            builder.Clear();
            t_builder = builder;
        }

        return text;
    }

    private static string Intern(StringBuilder builder)
    {
        var length = builder.Length;
        if (length > MaxInternedLength) return builder.ToString();
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            builder.CopyTo(0, buffer, 0, length);
            var chars = buffer.AsSpan(0, length);
            if (BySpan.TryGetValue(chars, out var known)) return known;
            var text = chars.ToString();
            if (Volatile.Read(ref s_kept) < Capacity && Texts.TryAdd(text, text)) Interlocked.Increment(ref s_kept);
            return text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
