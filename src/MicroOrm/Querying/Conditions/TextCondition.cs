using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// <c>column LIKE @p ESCAPE '|' [COLLATE ...]</c>, or an equality under an explicit collation. The escape character is
/// fixed and is not a backslash, so the SQL reads the same whether or not the session has NO_BACKSLASH_ESCAPES.
/// </summary>
internal sealed class TextCondition(ColumnRef column, string pattern, bool isLike, string? collation) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        // Two-valued on a nullable column: a NULL does not match, so NOT of the match includes it.
        if (column.Info.IsNullable) writer.Append("(");
        writer.Column(column);
        writer.Append(isLike ? " LIKE " : " = ");
        writer.Parameter(pattern);
        if (collation is not null)
        {
            writer.Append(" COLLATE ");
            writer.Append(collation);
        }

        if (isLike) writer.Append(" ESCAPE '" + LikePattern.EscapeCharacter + "'");
        if (column.Info.IsNullable) writer.Append(" AND ").Column(column).Append(" IS NOT NULL)");
    }
}
