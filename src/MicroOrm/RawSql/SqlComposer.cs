using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// What both raw-SQL handlers do with an interpolated string: literals are copied, holes become parameters (or a
/// parameter list, a quoted identifier, an embedded fragment). It remembers where each placeholder starts only when
/// the result is to be a <see cref="SqlFragment"/>, whose embedding needs that structure; a statement sent at once
/// does not pay for it.
/// </summary>
internal struct SqlComposer
{
    private readonly List<object?> _values;
    private readonly List<int>? _offsets;
    private StringBuilder? _text;

    public SqlComposer(int literalLength, int formattedCount, bool recordOffsets)
    {
        _text = SqlText.Rent(literalLength + (formattedCount * 4));
        _values = new List<object?>(formattedCount);
        _offsets = recordOffsets ? new List<int>(formattedCount) : null;
    }

    private readonly StringBuilder Text => _text ?? throw new InvalidOperationException("The SQL has already been turned into a statement.");

    public readonly void AppendLiteral(string value) => Text.Append(value);

    public readonly void AppendFormatted<T>(T value)
    {
        // A value of a type with a converter ([Converter]) travels as what its column stores.
        if (ConverterFor<T>.ToColumn is { } convert)
        {
            AddParameter(value is null ? null : convert(value));
            return;
        }

        switch (value)
        {
            case SqlIdentifierText identifier:
                Text.Append(identifier.Quoted);
                break;
            case SqlFragment fragment:
                Embed(fragment);
                break;
            case SqlStatement:
                throw new ArgumentException(StatementInHole);
            case string or byte[] or null:
                AddParameter(value);
                break;
            // Text and binary values that are also collections are one value, as MySqlConnector sends them, not a list.
            case char[] chars:
                AddParameter(new string(chars));
                break;
            case ArraySegment<byte> segment:
                AddParameter(segment.ToArray());
                break;
            case IEnumerable items:
                AppendList(items);
                break;
            default:
                AddParameter(Normalize(value));
                break;
        }
    }

    /// <summary>The statement to send; the builder goes back to be reused.</summary>
    public SqlStatement ToStatement()
    {
        var statement = new SqlStatement(SqlText.Finish(Text), _values.ToArray());
        _text = null;
        return statement;
    }

    /// <summary>The fragment, with the offsets of its placeholders.</summary>
    public SqlFragment ToFragment()
    {
        var fragment = new SqlFragment(SqlText.Finish(Text), _values.ToArray(), _offsets!.ToArray());
        _text = null;
        return fragment;
    }

    public override readonly string ToString() => _text?.ToString() ?? "";

    /// <summary>The message for a <see cref="SqlStatement"/> in a hole: its text would run as SQL, so it is refused.</summary>
    internal const string StatementInHole =
        "A SqlStatement cannot be a hole in raw SQL: its text would run as SQL. Make the piece with Sql.Format($\"...\") (its holes are parameters), or Sql.Unsafe(\"...\") for constant text.";

    /// <summary>
    /// Values that MySqlConnector writes as text or binary, turned into the string or byte array they stand for, so
    /// that the backslash check sees exactly what will be escaped; a stream, which could only be checked by reading
    /// it, is refused.
    /// </summary>
    private static object? Normalize(object? value) => value switch
    {
        StringBuilder text => text.ToString(),
        ReadOnlyMemory<char> text => text.ToString(),
        Memory<char> text => text.ToString(),
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        Memory<byte> bytes => bytes.ToArray(),
        MemoryStream stream => stream.ToArray(),
        Stream stream => throw new ArgumentException(
            $"A {stream.GetType().Name} cannot be a hole in raw SQL: read it into a byte[] first (it is sent as one binary parameter either way)."),
        _ => value,
    };

    private readonly void AddParameter(object? value)
    {
        _offsets?.Add(Text.Length);
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
            AddParameter(Normalize(item));
        }

        // IN () is a syntax error; IN (NULL) matches no row, and NOT IN (NULL) matches none either, as SQL reads it.
        if (!any) text.Append("NULL");
        text.Append(')');
    }

    /// <summary>
    /// Copies the fragment's text between its placeholders and writes each placeholder anew with this statement's next
    /// number. The offsets say where the placeholders are, so nothing else in the text (a literal '@p1', a comment)
    /// is touched.
    /// </summary>
    private readonly void Embed(SqlFragment fragment)
    {
        var text = Text;
        var source = fragment.Text;
        var offsets = fragment.ParameterOffsets;
        var values = fragment.Values;
        var copied = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            text.Append(source, copied, offsets[i] - copied);
            AddParameter(values[i]);
            copied = offsets[i] + SqlWriter.ParameterName(i).Length;
        }

        text.Append(source, copied, source.Length - copied);
    }
}
