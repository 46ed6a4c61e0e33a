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
    private static readonly string[] ParameterNames = CreateParameterNames(256);

    private readonly StringBuilder _text = new(128);
    private readonly List<object?> _values = new();

    /// <summary>Creates a writer; with <paramref name="qualifyColumns"/> columns are written as <c>`tN`.`column`</c>.</summary>
    public SqlWriter(bool qualifyColumns) => QualifyColumns = qualifyColumns;

    /// <summary>Whether columns carry their table alias (queries over several tables).</summary>
    public bool QualifyColumns { get; set; }

    /// <summary>The parameter values, in placeholder order (<c>@p0</c> first).</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>Appends fixed SQL text (keywords, punctuation, quoted identifiers).</summary>
    public SqlWriter Append(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends a column, qualified with its table's alias when <see cref="QualifyColumns"/> is set.</summary>
    public SqlWriter Column(ColumnRef column)
    {
        if (QualifyColumns) _text.Append(TableAlias(column.TableIndex)).Append('.');
        _text.Append(column.Info.QuotedName);
        return this;
    }

    /// <summary>Appends a placeholder for <paramref name="value"/> and records the value.</summary>
    public SqlWriter Parameter(object? value)
    {
        _text.Append(ParameterName(_values.Count));
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

    /// <summary>The name of the parameter at <paramref name="index"/>: <c>@p0</c>, <c>@p1</c>, ...</summary>
    public static string ParameterName(int index) =>
        index < ParameterNames.Length ? ParameterNames[index] : "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The statement written so far.</summary>
    public SqlStatement ToStatement() => new(_text.ToString(), _values.ToArray());

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private static string[] CreateParameterNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = "@p" + i.ToString(CultureInfo.InvariantCulture);
        return names;
    }
}
