using System;
using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>Splits a multi-row insert into statements that each fit the server's packet limit and MySQL's 65,535 placeholders.</summary>
internal static class InsertBatches
{
    private const int MaxPlaceholders = 65_535;

    internal sealed record Batch<TEntity>(SqlStatement Statement, List<TEntity> Entities, InsertStatement Insert, bool ReturnsKeys);

    /// <summary>
    /// Binds <paramref name="entities"/> in order into statements of <paramref name="insert"/>'s rows, each under
    /// <paramref name="maxBytes"/> and followed by <paramref name="returning"/> (the dialect's RETURNING of the
    /// generated key) when that is given.
    /// </summary>
    public static List<Batch<TEntity>> Split<TEntity>(List<TEntity> entities, EntityMap<TEntity> map, InsertStatement insert, long maxBytes, string? returning = null)
    {
        var batches = new List<Batch<TEntity>>();
        var perRow = insert.ColumnCount;
        var maxRows = Math.Max(1, MaxPlaceholders / Math.Max(1, perRow));
        var values = new ParameterValues(perRow * Math.Min(entities.Count, maxRows));
        var rows = new List<TEntity>();
        long prefix = insert.Prefix.Length + (returning?.Length ?? 0);
        var bytes = prefix;

        foreach (var entity in entities)
        {
            var before = values.Count;
            insert.Bind(map, entity, values);
            var rowBytes = EstimateBytes(values, before) + (perRow * 8);
            if (rows.Count > 0 && (rows.Count >= maxRows || bytes + rowBytes > maxBytes))
            {
                var moved = values.TakeFrom(before);
                batches.Add(new Batch<TEntity>(new SqlStatement(insert.Rows(rows.Count, returning), values.ToArray()), rows, insert, returning is not null));
                values = new ParameterValues(perRow * Math.Min(entities.Count - rows.Count, maxRows));
                foreach (var value in moved) values.AddRaw(value);
                rows = new List<TEntity>();
                bytes = prefix;
            }

            rows.Add(entity);
            bytes += rowBytes;
        }

        batches.Add(new Batch<TEntity>(new SqlStatement(insert.Rows(rows.Count, returning), values.ToArray()), rows, insert, returning is not null));
        return batches;
    }

    /// <summary>
    /// An upper bound of the bytes the values take once escaped into a text-protocol statement: strings as UTF-8 with
    /// every byte possibly escaped, binary as escaped bytes, anything else as a short literal.
    /// </summary>
    private static long EstimateBytes(ParameterValues values, int from)
    {
        long total = 0;
        for (var i = from; i < values.Count; i++)
        {
            total += values[i] switch
            {
                string text => (Encoding.UTF8.GetByteCount(text) * 2L) + 2,
                byte[] binary => (binary.Length * 2L) + 10,
                _ => 40,
            };
        }

        return total;
    }
}
