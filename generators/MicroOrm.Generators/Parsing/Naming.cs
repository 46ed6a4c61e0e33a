using System.Text;

namespace MicroOrm.Generators.Parsing;

/// <summary>The naming conventions: snake_case columns, snake_case plural tables, PascalCase plural accessors.</summary>
internal static class Naming
{
    /// <summary>
    /// <c>StateId</c> → <c>state_id</c>, <c>HTTPServer</c> → <c>http_server</c>, <c>Ipv4Address</c> → <c>ipv4_address</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>English plural of the last word: <c>City</c> → <c>Cities</c>, <c>Address</c> → <c>Addresses</c>, <c>State</c> → <c>States</c>.</summary>
    public static string Pluralize(string name)
    {
        if (name.Length == 0) return name;
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith("y") && lower.Length > 1 && !IsVowel(lower[lower.Length - 2]))
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        if (lower.EndsWith("s") || lower.EndsWith("x") || lower.EndsWith("z") || lower.EndsWith("ch") || lower.EndsWith("sh"))
        {
            return name + "es";
        }

        return name + "s";
    }

    /// <summary>
    /// The accessor name for a table: its PascalCase (<c>states</c> → <c>States</c>, <c>all_types</c> → <c>AllTypes</c>),
    /// so that <c>[Table("...")]</c> names both; <paramref name="fallback"/> when the table name makes no C# identifier.
    /// </summary>
    public static string ToPascalCase(string tableName, string fallback)
    {
        var builder = new StringBuilder(tableName.Length);
        var upper = true;
        foreach (var c in tableName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        var name = builder.ToString();
        return name.Length == 0 || !char.IsLetter(name[0]) ? fallback : name;
    }

    public static string ToCamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>A name that fits MySQL's 64-character limit: long names keep a prefix and gain a stable hash.</summary>
    public static string FitIdentifier(string name)
    {
        const int limit = 64;
        if (name.Length <= limit) return name;
        uint hash = 2166136261;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        var suffix = "_" + hash.ToString("x8");
        return name.Substring(0, limit - suffix.Length) + suffix;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
