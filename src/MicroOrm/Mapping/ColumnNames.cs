using System;
using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>How result-set column names are matched to properties: case-insensitively, with underscores ignored.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ColumnNames
{
    /// <summary>
    /// Lower-cases <paramref name="name"/> and drops underscores, so <c>state_id</c>, <c>STATE_ID</c> and
    /// <c>StateId</c> all become <c>stateid</c>. Runs once per column per result set, never per row.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var needsWork = false;
        foreach (var c in name)
        {
            if (c == '_' || char.IsUpper(c))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork) return name;
        return string.Create(name.Length - name.AsSpan().Count('_'), name, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (c != '_') span[i++] = char.ToLowerInvariant(c);
            }
        });
    }
}
