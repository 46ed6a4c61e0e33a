using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// Turns an interpolated string into SQL whose holes are parameters: <c>$"SELECT * FROM states WHERE name = {name}"</c>
/// sends <c>... WHERE name = @p0</c> with <c>@p0 = name</c>. No hole is ever written into the SQL text, except an
/// identifier passed through <see cref="Sql.Identifier"/>, which is validated and quoted.
/// </summary>
/// <remarks>
/// A hole holding a collection (other than a string or a byte array) expands to a parenthesized parameter list for
/// <c>IN {ids}</c>; an empty collection becomes <c>(NULL)</c>, which matches nothing. A hole holding a
/// <see cref="SqlStatement"/> made by <see cref="Sql.Format"/> embeds that fragment with its own parameters.
/// </remarks>
[InterpolatedStringHandler]
public struct SqlInterpolatedStringHandler
{
    private readonly List<object?> _values;
    private StringBuilder? _text;

    /// <summary>Called by the compiler.</summary>
    public SqlInterpolatedStringHandler(int literalLength, int formattedCount)
    {
        _text = SqlText.Rent(literalLength + (formattedCount * 4));
        _values = new List<object?>(formattedCount);
    }

    /// <summary>Appends SQL text written in the source.</summary>
    public readonly void AppendLiteral(string value) => Text.Append(value);

    /// <summary>Appends a hole: a parameter, a parameter list, a quoted identifier or an embedded fragment.</summary>
    public readonly void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case SqlIdentifierText identifier:
                Text.Append(identifier.Quoted);
                break;
            case SqlStatement fragment:
                Embed(fragment);
                break;
            case string or byte[] or null:
                AddParameter(value);
                break;
            case IEnumerable items:
                AppendList(items);
                break;
            default:
                AddParameter(value);
                break;
        }
    }

    /// <summary>
    /// Format strings are refused: in SQL a formatted value would be text, and text is what parameters exist to avoid.
    /// Format the value in C# and pass the result, which then travels as a parameter.
    /// </summary>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _ = value;
        throw new FormatException($"SQL holes take no format string (got \"{format}\"): format the value in C# first; it is sent as a parameter either way.");
    }

    /// <summary>
    /// The statement: text with <c>@pN</c> placeholders, and the values in order. Called once, by the method the string
    /// was written for: the text is handed over, and the builder goes back to be reused.
    /// </summary>
    public SqlStatement ToStatement()
    {
        var statement = new SqlStatement(SqlText.Finish(Text), _values.ToArray());
        _text = null;
        return statement;
    }

    /// <inheritdoc />
    public override readonly string ToString() => _text?.ToString() ?? "";

    private readonly StringBuilder Text => _text ?? throw new InvalidOperationException("The SQL has already been turned into a statement.");

    private readonly void AddParameter(object? value)
    {
        Text.Append(SqlWriter.ParameterName(_values.Count));
        _values.Add(value);
    }

    private readonly void AppendList(IEnumerable items)
    {
        var text = Text;
        text.Append('(');
        var any = false;
        foreach (var item in items)
        {
            if (any) text.Append(", ");
            any = true;
            AddParameter(item);
        }

        // IN () is a syntax error; IN (NULL) matches no row, and NOT IN (NULL) matches none either, as SQL reads it.
        if (!any) text.Append("NULL");
        text.Append(')');
    }

    private readonly void Embed(SqlStatement fragment)
    {
        // The fragment's @p0.. become this statement's next numbers; renumber from the end so @p1 is not taken for @p10.
        var text = fragment.Text;
        for (var i = fragment.Values.Count - 1; i >= 0; i--)
        {
            text = text.Replace(SqlWriter.ParameterName(i), "{{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}", StringComparison.Ordinal);
        }

        var offset = _values.Count;
        for (var i = 0; i < fragment.Values.Count; i++)
        {
            text = text.Replace("{{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}", SqlWriter.ParameterName(offset + i), StringComparison.Ordinal);
            _values.Add(fragment.Values[i]);
        }

        Text.Append(text);
    }
}
