using System;
using System.Collections.Generic;
using System.Text;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Diagnostics;

/// <summary>
/// Parameters as a log line shows them: <c>@p0=?, @p1=?</c> by default, so that a secret never reaches a log, and
/// <c>@p0='Texas', @p1=3</c> only when the user turned on sensitive data logging.
/// </summary>
internal static class ParameterText
{
    private const int MaxShownBytes = 32;

    public static string Format(IReadOnlyList<object?> values, bool showValues)
    {
        if (values.Count == 0) return "";
        var text = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(SqlWriter.ParameterName(i)).Append('=').Append(showValues ? Value(values[i]) : "?");
        }

        return text.ToString();
    }

    public static string Value(object? value) => value is byte[] { Length: > MaxShownBytes } bytes
        ? "0x" + Convert.ToHexString(bytes, 0, MaxShownBytes) + $"... ({bytes.Length} bytes)"
        : SqlStatement.Describe(value);
}
