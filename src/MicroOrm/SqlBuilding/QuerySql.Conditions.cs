using System;
using System.Collections.Generic;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// How conditions, selected expressions and assignments are spelled. The query nodes are plain data; this is the one
/// place that turns them into SQL text, so the operator map and the null rules live here and nowhere else.
/// </summary>
internal static partial class QuerySql
{
    /// <summary>The condition's text as it would appear in a WHERE clause, with parameter placeholders.</summary>
    public static string Text(Condition condition)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        WriteCondition(writer, condition);
        return writer.ToString();
    }

    /// <summary>The expression's text as it would appear in a SELECT list.</summary>
    public static string Text(SelectItem item)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        WriteItem(writer, item);
        return writer.ToString();
    }

    public static void WriteCondition(SqlWriter writer, Condition condition)
    {
        switch (condition)
        {
            case ValueComparison comparison:
                WriteComparison(writer, comparison.Column, comparison.Operator, comparison.Value);
                break;
            case ColumnComparison comparison:
                WriteComparison(writer, comparison.Left, comparison.Operator, comparison.Right);
                break;
            case NullCondition isNull:
                writer.Column(isNull.Column).Append(isNull.IsNull ? " IS NULL" : " IS NOT NULL");
                break;
            case LogicalCondition logical:
                writer.Append("(");
                WriteCondition(writer, logical.Left);
                writer.Append(logical.IsAnd ? " AND " : " OR ");
                WriteCondition(writer, logical.Right);
                writer.Append(")");
                break;
            case NotCondition not:
                writer.Append("NOT (");
                WriteCondition(writer, not.Inner);
                writer.Append(")");
                break;
            case ConstantCondition constant:
                // TRUE and FALSE are spelled the same by MySQL and MariaDB.
                writer.Append(constant.Value ? "TRUE" : "FALSE");
                break;
            case InCondition inList:
                WriteIn(writer, inList);
                break;
            case BetweenCondition between:
                if (between.Column.Info.IsNullable) writer.Append("(");
                writer.Column(between.Column).Append(" BETWEEN ").Parameter(between.Low).Append(" AND ").Parameter(between.High);
                if (between.Column.Info.IsNullable) writer.Append(" AND ").Column(between.Column).Append(" IS NOT NULL)");
                break;
            case TextCondition text:
                WriteText(writer, text);
                break;
            case AggregateComparison aggregate:
                WriteItem(writer, aggregate.Aggregate);
                writer.Append(Operator(aggregate.Operator)).Parameter(aggregate.Value);
                break;
            default:
                throw new InvalidOperationException($"No SQL is written for the condition {condition.GetType().Name}.");
        }
    }

    public static void WriteItem(SqlWriter writer, SelectItem item)
    {
        var (open, close) = item.Function switch
        {
            AggregateFunction.None => ("", ""),
            AggregateFunction.CountRows => ("COUNT(*)", ""),
            AggregateFunction.Count => ("COUNT(", ")"),
            AggregateFunction.CountDistinct => ("COUNT(DISTINCT ", ")"),
            AggregateFunction.SumAsInteger => ("CAST(SUM(", ") AS SIGNED)"),
            AggregateFunction.Sum => ("SUM(", ")"),
            AggregateFunction.Average => ("AVG(", ")"),
            AggregateFunction.Min => ("MIN(", ")"),
            AggregateFunction.Max => ("MAX(", ")"),
            _ => throw new InvalidOperationException($"No SQL is written for the aggregate {item.Function}."),
        };
        writer.Append(open);
        if (item.Column is { } column) writer.Column(column);
        writer.Append(close);
    }

    public static void WriteAssignment(SqlWriter writer, Assignment assignment)
    {
        writer.Column(assignment.Column).Append(" = ");
        if (assignment.Source is { } from) writer.Column(from);
        else if (assignment.IsIncrement) writer.Column(assignment.Column).Append(" + ").Parameter(assignment.Value);
        else writer.Parameter(assignment.Value);
    }

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => " = ",
        ComparisonOperator.NotEqual => " <> ",
        ComparisonOperator.Less => " < ",
        ComparisonOperator.LessOrEqual => " <= ",
        ComparisonOperator.Greater => " > ",
        _ => " >= ",
    };

    /// <summary>
    /// <c>column op @p</c>, two-valued on a nullable column as C# comparisons are: equality is the null-safe
    /// <c>&lt;=&gt;</c>, and ordering adds <c>AND column IS NOT NULL</c>.
    /// </summary>
    private static void WriteComparison(SqlWriter writer, ColumnRef column, ComparisonOperator op, object? value)
    {
        if (!column.Info.IsNullable)
        {
            writer.Column(column).Append(Operator(op)).Parameter(value);
            return;
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                writer.Column(column).Append(" <=> ").Parameter(value);
                break;
            case ComparisonOperator.NotEqual:
                writer.Append("NOT (").Column(column).Append(" <=> ").Parameter(value).Append(")");
                break;
            default:
                writer.Append("(").Column(column).Append(Operator(op)).Parameter(value).Append(" AND ").Column(column).Append(" IS NOT NULL)");
                break;
        }
    }

    /// <summary><c>left op right</c> over two columns, two-valued when either may be NULL.</summary>
    private static void WriteComparison(SqlWriter writer, ColumnRef left, ComparisonOperator op, ColumnRef right)
    {
        if (!left.Info.IsNullable && !right.Info.IsNullable)
        {
            writer.Column(left).Append(Operator(op)).Column(right);
            return;
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                writer.Column(left).Append(" <=> ").Column(right);
                break;
            case ComparisonOperator.NotEqual:
                writer.Append("NOT (").Column(left).Append(" <=> ").Column(right).Append(")");
                break;
            default:
                writer.Append("(").Column(left).Append(Operator(op)).Column(right).Append(" AND ").Column(left).Append(" IS NOT NULL AND ").Column(right).Append(" IS NOT NULL)");
                break;
        }
    }

    private static void WriteIn(SqlWriter writer, InCondition inList)
    {
        List<object?> values = inList.Values;
        if (values.Count == 0 && !inList.IncludesNull)
        {
            writer.Append(inList.Negated ? "TRUE" : "FALSE");
            return;
        }

        if (inList.Negated) writer.Append("NOT ");
        writer.Append("(");
        if (values.Count > 0)
        {
            writer.Column(inList.Column).Append(" IN (");
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0) writer.Append(", ");
                writer.Parameter(values[i]);
            }

            writer.Append(")");
        }

        if (inList.IncludesNull)
        {
            if (values.Count > 0) writer.Append(" OR ");
            writer.Column(inList.Column).Append(" IS NULL");
        }
        else if (inList.Column.Info.IsNullable)
        {
            writer.Append(" AND ").Column(inList.Column).Append(" IS NOT NULL");
        }

        writer.Append(")");
    }

    /// <summary>LIKE with the fixed, non-backslash escape, or an equality under an explicit collation; two-valued on a nullable column.</summary>
    private static void WriteText(SqlWriter writer, TextCondition text)
    {
        if (text.Column.Info.IsNullable) writer.Append("(");
        writer.Column(text.Column).Append(text.IsLike ? " LIKE " : " = ").Parameter(text.Pattern);
        if (text.Collation is not null) writer.Append(" COLLATE ").Append(text.Collation);
        if (text.IsLike) writer.Append(" ESCAPE '" + LikePattern.EscapeCharacter + "'");
        if (text.Column.Info.IsNullable) writer.Append(" AND ").Column(text.Column).Append(" IS NOT NULL)");
    }
}
