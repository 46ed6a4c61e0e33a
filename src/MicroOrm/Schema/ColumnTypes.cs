using System;
using System.Text.RegularExpressions;

namespace MicroOrm.Schema;

/// <summary>
/// Column types in one spelling, so that the model's <c>INT</c> equals MariaDB's <c>int(11)</c> and MySQL's
/// <c>int</c>: lower case, and integer types without the display width the servers add (MariaDB always, MySQL
/// before 8.0.19), except <c>tinyint(1)</c>, which both keep as the mark of a boolean.
/// </summary>
internal static partial class ColumnTypes
{
    public static string Normalize(string type)
    {
        var lower = type.Trim().ToLowerInvariant();
        var match = IntegerWidth().Match(lower);
        if (!match.Success) return lower;
        var name = match.Groups["name"].Value;
        if (name == "tinyint" && match.Groups["width"].Value == "1") return lower;
        return name + match.Groups["rest"].Value;
    }

    [GeneratedRegex(@"^(?<name>tinyint|smallint|mediumint|int|bigint)\((?<width>\d+)\)(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerWidth();
}
