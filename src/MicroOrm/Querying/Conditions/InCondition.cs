using System.Collections.Generic;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// <c>column IN (@p0, @p1, ...)</c>. An empty list is FALSE (NOT IN: TRUE) rather than the syntax error <c>IN ()</c>
/// would be; a NULL in the list matches NULL rows, as a C# reader of <c>In(null, 1)</c> expects, and a NULL row is
/// otherwise simply not in the list (so that NOT IN includes it, as <c>!list.Contains(null)</c> does).
/// </summary>
internal sealed class InCondition(ColumnRef column, List<object?> values, bool includesNull, bool negated) : Condition
{
    internal override void Write(SqlWriter writer)
    {
        if (values.Count == 0 && !includesNull)
        {
            writer.Append(negated ? "TRUE" : "FALSE");
            return;
        }

        if (negated) writer.Append("NOT ");
        writer.Append("(");
        if (values.Count > 0)
        {
            writer.Column(column);
            writer.Append(" IN (");
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0) writer.Append(", ");
                writer.Parameter(values[i]);
            }

            writer.Append(")");
        }

        if (includesNull)
        {
            if (values.Count > 0) writer.Append(" OR ");
            writer.Column(column);
            writer.Append(" IS NULL");
        }
        else if (column.Info.IsNullable)
        {
            writer.Append(" AND ");
            writer.Column(column);
            writer.Append(" IS NOT NULL");
        }

        writer.Append(")");
    }
}
