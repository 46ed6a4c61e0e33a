using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A statement ready to send: SQL text with <c>@p0</c>, <c>@p1</c>, ... placeholders, and their values in order, as
/// <c>ToSql()</c> shows it. <see cref="ToString"/> shows the text and the parameters, for logs, tests and debugging.
/// Only MicroOrm makes statements; a piece of SQL to embed in raw SQL is a <see cref="SqlFragment"/>.
/// </summary>
public sealed class SqlStatement
{
    // Internal: a statement's text runs as SQL, so only MicroOrm's own writers make one. Raw SQL from a user comes
    // through an interpolated string (holes are parameters), Sql.Format or Sql.Unsafe.
    internal SqlStatement(string text, object?[] values)
    {
        Text = text;
        ValueArray = values;
    }

    /// <summary>The SQL text, with placeholders and no values.</summary>
    public string Text { get; }

    /// <summary>The values of <c>@p0</c>, <c>@p1</c>, ... in order.</summary>
    public IReadOnlyList<object?> Values => ValueArray;

    /// <summary>The values as the array they are kept in: what the execution path reads, by index and without an enumerator.</summary>
    internal object?[] ValueArray { get; }

    /// <summary>The parameters by name.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Parameters
    {
        get
        {
            var result = new KeyValuePair<string, object?>[Values.Count];
            for (var i = 0; i < result.Length; i++) result[i] = new(SqlWriter.ParameterName(i), Values[i]);
            return result;
        }
    }

    /// <summary>The text, then one line per parameter: <c>@p0 = 'Texas'</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Text);
        for (var i = 0; i < Values.Count; i++)
        {
            builder.Append('\n').Append(SqlWriter.ParameterName(i)).Append(" = ").Append(Describe(Values[i]));
        }

        return builder.ToString();
    }

    /// <summary>A value as SQL would spell it: <c>'Texas'</c>, <c>3</c>, <c>NULL</c>, <c>0x0A0B</c>.</summary>
    internal static string Describe(object? value) => value switch
    {
        null => "NULL",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
