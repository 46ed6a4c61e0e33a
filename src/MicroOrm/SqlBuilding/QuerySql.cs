using System;
using System.Collections.Generic;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>Composes the statements a single-table query sends: SELECT, COUNT, EXISTS, UPDATE and DELETE.</summary>
internal static partial class QuerySql
{
    /// <summary>
    /// <c>SELECT list FROM table [WHERE] [ORDER BY] [LIMIT]</c>; the entity's full column list unless
    /// <paramref name="selectList"/> names the expressions.
    /// </summary>
    public static SqlWriter Select(TableInfo table, QueryShape shape, ISelectable[]? selectList)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        writer.Append("SELECT ");
        if (selectList is null) writer.Append(table.SelectList);
        else WriteList(writer, selectList);
        writer.Append(" FROM ").Append(table.QuotedName);
        WriteWhere(writer, Criteria(table, shape));
        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, shape.Skip, shape.Take);
        return writer;
    }

    /// <summary><c>SELECT COUNT(*)</c> over the rows the shape selects (over the page, when it has one).</summary>
    public static SqlWriter Count(TableInfo table, QueryShape shape)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        if (shape.Skip is null && shape.Take is null)
        {
            writer.Append("SELECT COUNT(*) FROM ").Append(table.QuotedName);
            WriteWhere(writer, Criteria(table, shape));
            return writer;
        }

        writer.Append("SELECT COUNT(*) FROM (SELECT 1 AS `one` FROM ").Append(table.QuotedName);
        WriteWhere(writer, Criteria(table, shape));
        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, shape.Skip, shape.Take);
        writer.Append(") AS `page`");
        return writer;
    }

    /// <summary><c>SELECT EXISTS(SELECT 1 ...)</c>.</summary>
    public static SqlWriter Exists(TableInfo table, QueryShape shape)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        writer.Append("SELECT EXISTS(SELECT 1 FROM ").Append(table.QuotedName);
        WriteWhere(writer, Criteria(table, shape));
        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, shape.Skip, shape.Take);
        writer.Append(")");
        return writer;
    }

    /// <summary><c>UPDATE table SET ... [WHERE] [ORDER BY] [LIMIT]</c>; an <c>[UpdatedAt]</c> column is stamped with <paramref name="now"/>.</summary>
    public static SqlWriter Update(TableInfo table, QueryShape shape, IReadOnlyList<Assignment> assignments, DateTime now)
    {
        if (shape.Skip is not null) throw new NotSupportedException("MySQL cannot skip rows in an UPDATE; select the keys first, or filter with Where.");
        var writer = new SqlWriter(qualifyColumns: false);
        writer.Append("UPDATE ").Append(table.QuotedName).Append(" SET ");
        var first = true;
        foreach (var assignment in assignments)
        {
            if (!first) writer.Append(", ");
            first = false;
            WriteAssignment(writer, assignment);
        }

        foreach (var column in table.Columns)
        {
            if ((column.Flags & ColumnFlags.UpdatedAt) == 0 || Assigns(assignments, column)) continue;
            writer.Append(", ").Append(column.QuotedName).Append(" = ").Parameter(now);
        }

        // Every update moves the version on, so that an entity read before it cannot be saved over it.
        if (table.ConcurrencyToken is { } token && !Assigns(assignments, token))
        {
            writer.Append(", ").Append(token.QuotedName).Append(" = ").Append(token.QuotedName).Append(" + 1");
        }

        WriteWhere(writer, Criteria(table, shape));
        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, null, shape.Take);
        return writer;
    }

    /// <summary><c>DELETE FROM table [WHERE] [ORDER BY] [LIMIT]</c>.</summary>
    public static SqlWriter Delete(TableInfo table, QueryShape shape)
    {
        if (shape.Skip is not null) throw new NotSupportedException("MySQL cannot skip rows in a DELETE; select the keys first, or filter with Where.");
        var writer = new SqlWriter(qualifyColumns: false);
        writer.Append("DELETE FROM ").Append(table.QuotedName);
        WriteWhere(writer, Criteria(table, shape));
        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, null, shape.Take);
        return writer;
    }

    /// <summary>
    /// What a statement over <paramref name="table"/> filters on: its query filters (tenant, soft delete) and the
    /// shape's Where. Every statement over an entity's rows writes this, never the Where alone, so that a filter cannot
    /// be left out.
    /// </summary>
    public static Condition? Criteria(TableInfo table, QueryShape shape) => FilterState.And(shape.Filters.For(table, 0), shape.Where);

    /// <summary>
    /// A statement written once per table and ending in its WHERE (an update by key), with the query filters of
    /// <paramref name="table"/> that apply added, as every other statement over its rows has them.
    /// </summary>
    public static SqlStatement Filtered(string sql, object?[] bound, TableInfo table, FilterState filters)
    {
        if (filters.For(table, 0) is not { } conditions) return new SqlStatement(sql, bound);
        var writer = new SqlWriter(qualifyColumns: false, bound).Append(sql).Append(" AND ");
        WriteCondition(writer, conditions);
        return writer.ToStatement();
    }

    public static void WriteList(SqlWriter writer, IReadOnlyList<ISelectable> expressions)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            if (i > 0) writer.Append(", ");
            WriteItem(writer, expressions[i].Item);
        }
    }

    public static void WriteWhere(SqlWriter writer, Condition? where)
    {
        if (where is null) return;
        writer.Append(" WHERE ");
        WriteCondition(writer, where);
    }

    public static void WriteOrderBy(SqlWriter writer, Ordering[] orderings)
    {
        for (var i = 0; i < orderings.Length; i++)
        {
            writer.Append(i == 0 ? " ORDER BY " : ", ");
            WriteItem(writer, orderings[i].Expression.Item);
            if (orderings[i].Descending) writer.Append(" DESC");
        }
    }

    /// <summary>LIMIT and OFFSET as parameters; an OFFSET alone needs MySQL's "all rows" LIMIT.</summary>
    public static void WriteLimit(SqlWriter writer, int? skip, int? take)
    {
        if (skip is null && take is null) return;
        writer.Append(" LIMIT ");
        if (take is { } count) writer.Parameter(count);
        else writer.Parameter(ulong.MaxValue);
        if (skip is { } offset)
        {
            writer.Append(" OFFSET ");
            writer.Parameter(offset);
        }
    }

    private static bool Assigns(IReadOnlyList<Assignment> assignments, ColumnInfo column)
    {
        foreach (var assignment in assignments)
        {
            if (ReferenceEquals(assignment.Column.Info, column)) return true;
        }

        return false;
    }
}
