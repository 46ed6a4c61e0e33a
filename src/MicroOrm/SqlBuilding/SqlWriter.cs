using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Writes one SQL statement: text with <c>@pN</c> placeholders, and the values those placeholders stand for, in order.
/// Only identifiers from the generator and fixed keywords reach the text; every value becomes a parameter.
/// </summary>
internal sealed class SqlWriter
{
    private static string[] _parameterNames = CreateParameterNames(256);
    private static readonly System.Threading.Lock ParameterNamesGrowing = new();

    private readonly List<object?> _values = new();
    private StringBuilder? _text = SqlText.Rent();
    private string? _finished;

    /// <summary>Creates a writer; with <paramref name="qualifyColumns"/> columns are written as <c>`tN`.`column`</c>.</summary>
    public SqlWriter(bool qualifyColumns) => QualifyColumns = qualifyColumns;

    /// <summary>
    /// Creates a writer that continues a statement whose first placeholders are bound to <paramref name="boundValues"/>:
    /// the placeholders written next follow theirs.
    /// </summary>
    public SqlWriter(bool qualifyColumns, object?[] boundValues)
        : this(qualifyColumns) => _values.AddRange(boundValues);

    /// <summary>Whether columns carry their table alias (queries over several tables).</summary>
    public bool QualifyColumns { get; set; }

    /// <summary>The parameter values, in placeholder order (<c>@p0</c> first).</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>Appends fixed SQL text (keywords, punctuation, quoted identifiers).</summary>
    public SqlWriter Append(string text)
    {
        Text.Append(text);
        return this;
    }

    /// <summary>Appends a column, qualified with its table's alias when <see cref="QualifyColumns"/> is set.</summary>
    public SqlWriter Column(ColumnRef column)
    {
        if (column.Info.JsonPathText is { } path) return JsonValue(column, path);
        var text = Text;
        if (QualifyColumns) text.Append(TableAlias(column.TableIndex)).Append('.');
        text.Append(column.Info.QuotedName);
        return this;
    }

    /// <summary>
    /// A value inside a JSON column: <c>JSON_UNQUOTE(JSON_EXTRACT(column, @pN))</c> with the path as a parameter, cast
    /// to a number when the value is read as one (so that it compares and sorts as a number, not as text).
    /// </summary>
    private SqlWriter JsonValue(ColumnRef column, string path)
    {
        var cast = JsonCast(column.Info.ClrType)!;
        if (cast.Length > 0) Text.Append("CAST(");
        Text.Append("JSON_UNQUOTE(JSON_EXTRACT(");
        if (QualifyColumns) Text.Append(TableAlias(column.TableIndex)).Append('.');
        Text.Append(column.Info.QuotedName).Append(", ");
        Parameter(path);
        Text.Append("))");
        if (cast.Length > 0) Text.Append(" AS ").Append(cast).Append(')');
        return this;
    }

    /// <summary>The type a JSON value is cast to for <paramref name="type"/>: none for text; <see langword="null"/> for a type a path cannot be read as.</summary>
    internal static string? JsonCast(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "",
        var t when t == typeof(int) || t == typeof(long) => "SIGNED",
        var t when t == typeof(decimal) => "DECIMAL(65,30)",
        var t when t == typeof(double) => "DOUBLE",
        _ => null,
    };

    /// <summary>Appends a placeholder for <paramref name="value"/> and records the value.</summary>
    public SqlWriter Parameter(object? value)
    {
        Text.Append(ParameterName(_values.Count));
        _values.Add(value);
        return this;
    }

    /// <summary>The alias of the table at <paramref name="tableIndex"/>: <c>`t0`</c>, <c>`t1`</c>, ...</summary>
    public static string TableAlias(int tableIndex) => tableIndex switch
    {
        0 => "`t0`",
        1 => "`t1`",
        2 => "`t2`",
        _ => "`t" + tableIndex.ToString(CultureInfo.InvariantCulture) + "`",
    };

    /// <summary>
    /// The name of the parameter at <paramref name="index"/>: <c>@p0</c>, <c>@p1</c>, ... Kept once made, up to MySQL's
    /// 65,535 placeholders, so a large multi-row insert does not make a string per placeholder each time.
    /// </summary>
    public static string ParameterName(int index)
    {
        var names = _parameterNames;
        if (index < names.Length) return names[index];
        if (index >= 65_536) return "@p" + index.ToString(CultureInfo.InvariantCulture);
        lock (ParameterNamesGrowing)
        {
            if (index >= _parameterNames.Length) _parameterNames = CreateParameterNames(Math.Min(65_536, Math.Max(index + 1, _parameterNames.Length * 2)));
            return _parameterNames[index];
        }
    }

    /// <summary>The statement written: its text is final from here on, and shared with every statement of the same text.</summary>
    public SqlStatement ToStatement() => new(Finish(), _values.ToArray());

    /// <inheritdoc />
    public override string ToString() => _finished ?? Text.ToString();

    private StringBuilder Text => _text ?? throw new InvalidOperationException("The statement has been written; it cannot be extended.");

    private string Finish()
    {
        if (_finished is null)
        {
            _finished = SqlText.Finish(Text);
            _text = null;
        }

        return _finished;
    }

    private static string[] CreateParameterNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = "@p" + i.ToString(CultureInfo.InvariantCulture);
        return names;
    }
}
