using System.Globalization;
using System.Text;

namespace MicroOrm.Demo.Tasks;

/// <summary>
/// Formats values as the reference project's Python scripts print them (<c>print(row)</c> on a tuple): strings in
/// single quotes, or double quotes when they hold a single quote and no double quote, with Python's escapes.
/// </summary>
internal static class PythonRepr
{
    public static string Tuple(params object[] items)
    {
        var builder = new StringBuilder("(");
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(items[i] switch
            {
                string text => String(text),
                int number => number.ToString(CultureInfo.InvariantCulture),
                _ => items[i].ToString(),
            });
        }

        return builder.Append(')').ToString();
    }

    public static string String(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == '\\') builder.Append("\\\\");
            else if (c == quote) builder.Append('\\').Append(quote);
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\t') builder.Append("\\t");
            else if (IsPrintable(rune)) builder.Append(rune.ToString());
            else if (c < 0x100) builder.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x10000) builder.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>Python's <c>str.isprintable</c>: everything but the Other and Separator categories, except the space.</summary>
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
