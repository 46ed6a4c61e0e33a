using System;
using System.Text.RegularExpressions;

namespace MicroOrm.Schema;

/// <summary>
/// Whether changing a column's type keeps every value it can hold (a widening) or may lose some (a narrowing, or a
/// change MicroOrm cannot prove safe), and whether it is a VARCHAR widening the server can do without rewriting rows.
/// </summary>
internal static partial class ColumnTypeChange
{
    private static readonly string[] Integers = ["tinyint", "smallint", "mediumint", "int", "bigint"];
    private static readonly string[] Texts = ["tinytext", "text", "mediumtext", "longtext"];
    private static readonly string[] Blobs = ["tinyblob", "blob", "mediumblob", "longblob"];

    /// <summary>The most bytes a utf8mb4 character takes; a VARCHAR over 255 bytes needs a two-byte length prefix.</summary>
    private const int BytesPerCharacter = 4;

    public static (SchemaChange Change, bool LosesData) Classify(string from, string to)
    {
        var (fromName, fromArgs, fromUnsigned) = Parse(ColumnTypes.Normalize(from));
        var (toName, toArgs, toUnsigned) = Parse(ColumnTypes.Normalize(to));
        if (fromName == toName && fromName == "varchar" && toArgs[0] >= fromArgs[0])
        {
            var samePrefix = (fromArgs[0] * BytesPerCharacter <= 255) == (toArgs[0] * BytesPerCharacter <= 255);
            return (samePrefix ? SchemaChange.WidenVarchar : SchemaChange.ChangeColumnType, false);
        }

        return (SchemaChange.ChangeColumnType, !Widens(fromName, fromArgs, fromUnsigned, toName, toArgs, toUnsigned));
    }

    private static bool Widens(string fromName, int[] fromArgs, bool fromUnsigned, string toName, int[] toArgs, bool toUnsigned)
    {
        if (Rank(Integers, fromName) is var a and >= 0 && Rank(Integers, toName) is var b and >= 0)
        {
            return fromUnsigned == toUnsigned && b >= a;
        }

        if (fromName is "char" or "varchar" && toName is "char" or "varchar") return toArgs[0] >= fromArgs[0] && !(fromName == "varchar" && toName == "char");
        if (fromName is "char" or "varchar" && Rank(Texts, toName) is var text and >= 0) return text >= 1 || fromArgs[0] * BytesPerCharacter <= 255;
        if (Rank(Texts, fromName) is var t1 and >= 0 && Rank(Texts, toName) is var t2 and >= 0) return t2 >= t1;
        if (Rank(Blobs, fromName) is var b1 and >= 0 && Rank(Blobs, toName) is var b2 and >= 0) return b2 >= b1;
        if (fromName == "decimal" && toName == "decimal") return toArgs[1] >= fromArgs[1] && toArgs[0] - toArgs[1] >= fromArgs[0] - fromArgs[1];
        if (fromName == toName && fromName is "datetime" or "time" or "timestamp") return Fraction(toArgs) >= Fraction(fromArgs);
        return false;
    }

    private static int Fraction(int[] args) => args.Length > 0 ? args[0] : 0;

    private static int Rank(string[] family, string name) => Array.IndexOf(family, name);

    private static (string Name, int[] Args, bool Unsigned) Parse(string type)
    {
        var match = TypePattern().Match(type);
        if (!match.Success) return (type, [], false);
        var args = match.Groups["args"].Success
            ? Array.ConvertAll(match.Groups["args"].Value.Split(','), part => int.TryParse(part.Trim(), out var n) ? n : 0)
            : [];
        return (match.Groups["name"].Value, args.Length < 2 ? [.. args, 0, 0] : args, match.Groups["unsigned"].Success);
    }

    [GeneratedRegex(@"^(?<name>[a-z]+)(\((?<args>[0-9, ]+)\))?(?<unsigned> unsigned)?", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
