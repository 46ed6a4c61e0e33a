using System;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// The text operators of string columns. <see cref="StartsWith{TText}(Column{TText}, string)"/>,
/// <see cref="EndsWith{TText}(Column{TText}, string)"/> and <see cref="Contains{TText}(Column{TText}, string)"/> match
/// the value literally (its <c>%</c>, <c>_</c> and escape characters are escaped);
/// <see cref="Like{TText}(Column{TText}, string, char)"/> takes a pattern. By default the column's collation decides
/// case (MicroOrm's tables are case-insensitive); an explicit <see cref="StringComparison"/> chooses:
/// <see cref="StringComparison.Ordinal"/> compares case-sensitively (<c>COLLATE utf8mb4_bin</c>).
/// </summary>
public static class TextColumnExtensions
{
    /// <summary>The column equals <paramref name="value"/> under <paramref name="comparison"/>.</summary>
    public static Condition Equals<TText>(this Column<TText> column, string value, StringComparison comparison)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, Text(value), isLike: false, LikePattern.Collation(comparison));

    /// <summary>The column starts with <paramref name="value"/>, taken literally.</summary>
    public static Condition StartsWith<TText>(this Column<TText> column, string value)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, LikePattern.Literal(Text(value)) + "%", isLike: true, collation: null);

    /// <summary>The column starts with <paramref name="value"/>, taken literally, under <paramref name="comparison"/>.</summary>
    public static Condition StartsWith<TText>(this Column<TText> column, string value, StringComparison comparison)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, LikePattern.Literal(Text(value)) + "%", isLike: true, LikePattern.Collation(comparison));

    /// <summary>The column ends with <paramref name="value"/>, taken literally.</summary>
    public static Condition EndsWith<TText>(this Column<TText> column, string value)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, "%" + LikePattern.Literal(Text(value)), isLike: true, collation: null);

    /// <summary>The column ends with <paramref name="value"/>, taken literally, under <paramref name="comparison"/>.</summary>
    public static Condition EndsWith<TText>(this Column<TText> column, string value, StringComparison comparison)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, "%" + LikePattern.Literal(Text(value)), isLike: true, LikePattern.Collation(comparison));

    /// <summary>The column contains <paramref name="value"/>, taken literally.</summary>
    public static Condition Contains<TText>(this Column<TText> column, string value)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, "%" + LikePattern.Literal(Text(value)) + "%", isLike: true, collation: null);

    /// <summary>The column contains <paramref name="value"/>, taken literally, under <paramref name="comparison"/>.</summary>
    public static Condition Contains<TText>(this Column<TText> column, string value, StringComparison comparison)
        where TText : IEquatable<string?>? =>
        new TextCondition(column, "%" + LikePattern.Literal(Text(value)) + "%", isLike: true, LikePattern.Collation(comparison));

    /// <summary>
    /// The column matches the LIKE <paramref name="pattern"/> (<c>%</c> any run of characters, <c>_</c> one character),
    /// in which <paramref name="escape"/> makes the next character literal.
    /// </summary>
    public static Condition Like<TText>(this Column<TText> column, string pattern, char escape = '\\')
        where TText : IEquatable<string?>? =>
        new TextCondition(column, LikePattern.FromUserPattern(Text(pattern), escape), isLike: true, collation: null);

    /// <summary>The column matches the LIKE <paramref name="pattern"/> under <paramref name="comparison"/>.</summary>
    public static Condition Like<TText>(this Column<TText> column, string pattern, StringComparison comparison, char escape = '\\')
        where TText : IEquatable<string?>? =>
        new TextCondition(column, LikePattern.FromUserPattern(Text(pattern), escape), isLike: true, LikePattern.Collation(comparison));

    private static string Text(string value) =>
        value ?? throw new ArgumentNullException(nameof(value), "A text match needs a value; use IsNull() to find NULL values.");
}
