using System;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading;

namespace MicroOrm.Mapping;

/// <summary>Makes the row reader for a result set, given the reader and the SQL text that produced it.</summary>
internal delegate RowReader<T> ReaderFactory<T>(DbDataReader reader, string sql);

/// <summary>
/// The by-name readers of <typeparamref name="T"/>, resolved once per SQL text. Resolving asks the data reader for
/// every column's name, and MySqlConnector decodes six strings per column to answer; run the same SQL again and the
/// columns are the same, so the resolved ordinals are kept, checked against the result's shape (column count and
/// types) before each reuse. Bounded: past <see cref="Capacity"/> texts (SQL built with varying shapes), readers are
/// resolved each time and not kept. A schema change that renames columns while keeping their order and types is not
/// seen by a kept reader; anything else that changes the shape is.
/// </summary>
internal static class ResolvedReaders<T>
    where T : IRow<T>
{
    private const int Capacity = 512;
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
    private static int s_count;

    /// <summary>The factory to hand the execution pipeline: resolved or kept, by the text of the statement run.</summary>
    public static readonly ReaderFactory<T> Factory = static (reader, sql) => For(reader, sql);

    public static RowReader<T> For(DbDataReader reader, string sql)
    {
        if (Entries.TryGetValue(sql, out var known) && known.Fits(reader)) return known.Reader;
        var resolved = T.CreateReader(reader);
        if (known is not null || Volatile.Read(ref s_count) < Capacity)
        {
            Entries[sql] = new Entry(Shape(reader), resolved);
            if (known is null) Interlocked.Increment(ref s_count);
        }

        return resolved;
    }

    private static Type[] Shape(DbDataReader reader)
    {
        var types = new Type[reader.FieldCount];
        for (var i = 0; i < types.Length; i++) types[i] = reader.GetFieldType(i);
        return types;
    }

    private sealed class Entry(Type[] shape, RowReader<T> reader)
    {
        public RowReader<T> Reader { get; } = reader;

        public bool Fits(DbDataReader result)
        {
            if (result.FieldCount != shape.Length) return false;
            for (var i = 0; i < shape.Length; i++)
            {
                if (!ReferenceEquals(result.GetFieldType(i), shape[i])) return false;
            }

            return true;
        }
    }
}
