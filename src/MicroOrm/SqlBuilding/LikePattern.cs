using System;
using System.Text;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Builds LIKE patterns. Every pattern MicroOrm sends uses <c>|</c> as its escape character: not a backslash, whose
/// meaning in string literals changes with NO_BACKSLASH_ESCAPES.
/// </summary>
internal static class LikePattern
{
    public const char EscapeCharacter = '|';

    /// <summary>Escapes <c>%</c>, <c>_</c> and the escape character so that <paramref name="value"/> matches only itself.</summary>
    public static string Literal(string value)
    {
        if (value.AsSpan().IndexOfAny('%', '_', EscapeCharacter) < 0) return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '%' or '_' or EscapeCharacter) builder.Append(EscapeCharacter);
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Rewrites a user's pattern, written with <paramref name="escape"/> as its escape character, into one that uses
    /// <see cref="EscapeCharacter"/>: wildcards keep their meaning, escaped characters stay literal.
    /// </summary>
    public static string FromUserPattern(string pattern, char escape)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == escape && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is '%' or '_' or EscapeCharacter) builder.Append(EscapeCharacter);
                builder.Append(next);
            }
            else if (c == EscapeCharacter)
            {
                builder.Append(EscapeCharacter).Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The collation for an explicit <see cref="StringComparison"/>: binary for ordinal, the case-insensitive one otherwise.</summary>
    public static string Collation(StringComparison comparison) => comparison switch
    {
        StringComparison.Ordinal => "utf8mb4_bin",
        StringComparison.OrdinalIgnoreCase or StringComparison.InvariantCultureIgnoreCase or StringComparison.CurrentCultureIgnoreCase => "utf8mb4_unicode_520_ci",
        _ => throw new ArgumentException(
            $"{comparison} has no SQL equivalent; use StringComparison.Ordinal (case-sensitive) or StringComparison.OrdinalIgnoreCase (case-insensitive).", nameof(comparison)),
    };
}
