using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MicroOrm;

/// <summary>
/// Turns an interpolated string into SQL whose holes are parameters: <c>$"SELECT * FROM states WHERE name = {name}"</c>
/// sends <c>... WHERE name = @p0</c> with <c>@p0 = name</c>. No hole is ever written into the SQL text, except an
/// identifier passed through <see cref="Sql.Identifier"/>, which is validated and quoted, and a
/// <see cref="SqlFragment"/>, whose own holes are parameters too.
/// </summary>
/// <remarks>
/// A hole holding a collection (other than a string, <c>char[]</c>, a byte array or an <c>ArraySegment&lt;byte&gt;</c>)
/// expands to a parenthesized parameter list for <c>IN {ids}</c>; an empty collection becomes <c>(NULL)</c>, which
/// matches nothing. A <c>StringBuilder</c> or <c>ReadOnlyMemory&lt;char&gt;</c> is one text parameter, a
/// <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>MemoryStream</c> one binary parameter; any other stream is refused.
/// A <see cref="SqlStatement"/> is not a hole: placing one is a compile error.
/// </remarks>
[InterpolatedStringHandler]
public struct SqlInterpolatedStringHandler
{
    private SqlComposer _composer;

    /// <summary>Called by the compiler.</summary>
    public SqlInterpolatedStringHandler(int literalLength, int formattedCount) =>
        _composer = new SqlComposer(literalLength, formattedCount, recordOffsets: false);

    /// <summary>Appends SQL text written in the source.</summary>
    public readonly void AppendLiteral(string value) => _composer.AppendLiteral(value);

    /// <summary>Appends a hole: a parameter, a parameter list, a quoted identifier or an embedded fragment.</summary>
    public readonly void AppendFormatted<T>(T value) => _composer.AppendFormatted(value);

    /// <summary>
    /// Format strings are refused: in SQL a formatted value would be text, and text is what parameters exist to avoid.
    /// Format the value in C# and pass the result, which then travels as a parameter.
    /// </summary>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _ = value;
        throw new FormatException($"SQL holes take no format string (got \"{format}\"): format the value in C# first; it is sent as a parameter either way.");
    }

    /// <summary>A <see cref="SqlStatement"/>'s text would run as SQL, so it cannot be a hole: use <see cref="Sql.Format"/>.</summary>
    [Obsolete(SqlComposer.StatementInHole, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly void AppendFormatted(SqlStatement value) => _composer.AppendFormatted(value);

    /// <summary>
    /// The statement: text with <c>@pN</c> placeholders, and the values in order. Called once, by the method the string
    /// was written for: the text is handed over, and the builder goes back to be reused.
    /// </summary>
    public SqlStatement ToStatement() => _composer.ToStatement();

    /// <inheritdoc />
    public override readonly string ToString() => _composer.ToString();
}

/// <summary>
/// The handler behind <see cref="Sql.Format"/>: the same holes as <see cref="SqlInterpolatedStringHandler"/>, and it
/// records where each placeholder starts, so the fragment can be embedded with its parameters renumbered by position.
/// </summary>
[InterpolatedStringHandler]
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SqlFragmentHandler
{
    private SqlComposer _composer;

    /// <summary>Called by the compiler.</summary>
    public SqlFragmentHandler(int literalLength, int formattedCount) =>
        _composer = new SqlComposer(literalLength, formattedCount, recordOffsets: true);

    /// <summary>Appends SQL text written in the source.</summary>
    public readonly void AppendLiteral(string value) => _composer.AppendLiteral(value);

    /// <summary>Appends a hole, as <see cref="SqlInterpolatedStringHandler.AppendFormatted{T}(T)"/> does.</summary>
    public readonly void AppendFormatted<T>(T value) => _composer.AppendFormatted(value);

    /// <summary>Format strings are refused, as in <see cref="SqlInterpolatedStringHandler"/>.</summary>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _ = value;
        throw new FormatException($"SQL holes take no format string (got \"{format}\"): format the value in C# first; it is sent as a parameter either way.");
    }

    /// <summary>A <see cref="SqlStatement"/> cannot be a hole: use <see cref="Sql.Format"/>.</summary>
    [Obsolete(SqlComposer.StatementInHole, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly void AppendFormatted(SqlStatement value) => _composer.AppendFormatted(value);

    internal SqlFragment ToFragment() => _composer.ToFragment();
}
