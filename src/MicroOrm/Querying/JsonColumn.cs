using System;
using System.Text.RegularExpressions;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// A JSON column (<c>[Json]</c>) of a table in a query. The whole document can be selected or tested for NULL; a
/// value inside it is reached by a path (<see cref="Path{TValue}"/>), which is checked against the JSON path grammar
/// and sent as a parameter, like every value: <c>p.Settings.Path&lt;string&gt;("$.theme") == "dark"</c>.
/// </summary>
/// <typeparam name="T">The property type the document maps to.</typeparam>
public readonly partial struct JsonColumn<T> : ISelectable<T>
{
    /// <summary>Created by generated column sets.</summary>
    public JsonColumn(ColumnInfo info, int tableIndex)
    {
        Info = info;
        TableIndex = tableIndex;
    }

    /// <summary>The column's metadata.</summary>
    public ColumnInfo Info { get; }

    /// <summary>The position of the column's table in the query.</summary>
    public int TableIndex { get; }

    SelectItem ISelectable.Item => SelectItem.Of(new ColumnRef(Info, TableIndex));

    /// <summary>
    /// The value at <paramref name="path"/> in the document (<c>$.theme</c>, <c>$.sizes[0]</c>, <c>$."odd key"</c>),
    /// as a column to compare, sort by or select: text for <see cref="string"/>, a number for the numeric types
    /// (int, long, decimal, double). A path that leads nowhere gives NULL.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a JSON path of members and array indexes.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TValue"/> is not text or one of the numeric types.</exception>
    public Column<TValue> Path<TValue>(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!PathGrammar().IsMatch(path))
        {
            throw new ArgumentException($"'{path}' is not a JSON path MicroOrm accepts: $ followed by .member, .\"quoted member\" or [index] steps, such as $.address.city or $.sizes[0].", nameof(path));
        }

        if (SqlBuilding.SqlWriter.JsonCast(typeof(TValue)) is null)
        {
            throw new NotSupportedException($"A JSON path reads as text (string) or as a number (int, long, decimal, double), not as {typeof(TValue).Name}.");
        }

        return new Column<TValue>(ColumnInfo.JsonPath(Info, path, typeof(TValue)), TableIndex);
    }

    /// <summary>The column is NULL (no document at all, not a JSON <c>null</c>).</summary>
    public Condition IsNull() => new NullCondition(new ColumnRef(Info, TableIndex), isNull: true);

    /// <summary>The column is not NULL.</summary>
    public Condition IsNotNull() => new NullCondition(new ColumnRef(Info, TableIndex), isNull: false);

    T ISelectable<T>.Read(System.Data.Common.DbDataReader reader, int ordinal) => ValueReader.Read<T>(reader, ordinal, Info);

    [GeneratedRegex("""^\$(\.[A-Za-z_][A-Za-z0-9_]*|\."[^"\\]*"|\[[0-9]+\])*$""", RegexOptions.CultureInvariant)]
    private static partial Regex PathGrammar();
}
