namespace MicroOrm;

/// <summary>
/// <c>column LIKE @p ESCAPE '|' [COLLATE ...]</c>, or an equality under an explicit collation. The escape character is
/// fixed and is not a backslash, so the SQL reads the same whether or not the session has NO_BACKSLASH_ESCAPES.
/// </summary>
internal sealed class TextCondition(ColumnRef column, string pattern, bool isLike, string? collation) : Condition
{
    public ColumnRef Column { get; } = column;

    public string Pattern { get; } = pattern;

    public bool IsLike { get; } = isLike;

    public string? Collation { get; } = collation;
}
