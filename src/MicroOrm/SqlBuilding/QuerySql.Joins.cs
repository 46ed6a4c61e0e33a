using System;
using System.Collections.Generic;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>The statements over more than one table or over groups: joins, grouped selects and include loads.</summary>
internal static partial class QuerySql
{
    /// <summary><c>SELECT ... FROM left AS t0 INNER JOIN right AS t1 ON ... [WHERE] [ORDER BY] [LIMIT]</c>; both entities' columns unless <paramref name="selectList"/> names the expressions.</summary>
    public static SqlWriter Join(TableInfo left, TableInfo right, Condition on, QueryShape shape, FilterState rightFilters, ISelectable[]? selectList)
    {
        var writer = new SqlWriter(qualifyColumns: true);
        writer.Append("SELECT ");
        if (selectList is null) writer.Append(left.QualifiedSelectList(0)).Append(", ").Append(right.QualifiedSelectList(1));
        else WriteList(writer, selectList);
        writer.Append(" FROM ").Append(left.QuotedName).Append(" AS ").Append(SqlWriter.TableAlias(0));
        writer.Append(" INNER JOIN ").Append(right.QuotedName).Append(" AS ").Append(SqlWriter.TableAlias(1)).Append(" ON ");
        WriteCondition(writer, on);
        WriteWhere(writer, FilterState.And(Criteria(left, shape), rightFilters.For(right, 1)));
        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, shape.Skip, shape.Take);
        return writer;
    }

    /// <summary><c>SELECT ... FROM table [WHERE] GROUP BY keys [HAVING] [ORDER BY] [LIMIT]</c>.</summary>
    public static SqlWriter Group(TableInfo table, QueryShape shape, ColumnRef[] keys, Condition? having, ISelectable[] selectList)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        writer.Append("SELECT ");
        WriteList(writer, selectList);
        writer.Append(" FROM ").Append(table.QuotedName);
        WriteWhere(writer, Criteria(table, shape));
        writer.Append(" GROUP BY ");
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0) writer.Append(", ");
            writer.Column(keys[i]);
        }

        if (having is not null)
        {
            writer.Append(" HAVING ");
            WriteCondition(writer, having);
        }

        WriteOrderBy(writer, shape.Orderings);
        WriteLimit(writer, shape.Skip, shape.Take);
        return writer;
    }

    /// <summary>
    /// <c>SELECT t0.*, t1.*, ... FROM root AS t0 LEFT JOIN target AS t1 ON t1.key = t0.key ... ORDER BY ..., t0.key, t1.key ...</c>:
    /// the single query of a joined include, each node joined to its parent (index 0 is the root). A paged root
    /// (Skip/Take) becomes a derived table, so that LIMIT counts root rows, not joined rows.
    /// </summary>
    public static SqlStatement JoinedInclude(TableInfo root, QueryShape shape, IReadOnlyList<(Navigation Navigation, int Parent)> nodes)
    {
        var writer = new SqlWriter(qualifyColumns: true);
        writer.Append("SELECT ").Append(root.QualifiedSelectList(0));
        for (var i = 0; i < nodes.Count; i++) writer.Append(", ").Append(nodes[i].Navigation.TargetTable.QualifiedSelectList(i + 1));

        var paged = shape.Skip is not null || shape.Take is not null;
        writer.Append(" FROM ");
        if (paged)
        {
            writer.QualifyColumns = false;
            writer.Append("(SELECT ").Append(root.SelectList).Append(" FROM ").Append(root.QuotedName);
            WriteWhere(writer, Criteria(root, shape));
            WriteOrderBy(writer, shape.Orderings);
            WriteLimit(writer, shape.Skip, shape.Take);
            writer.Append(")");
            writer.QualifyColumns = true;
        }
        else
        {
            writer.Append(root.QuotedName);
        }

        writer.Append(" AS ").Append(SqlWriter.TableAlias(0));
        for (var i = 0; i < nodes.Count; i++)
        {
            var navigation = nodes[i].Navigation;
            writer.Append(" LEFT JOIN ").Append(navigation.TargetTable.QuotedName).Append(" AS ").Append(SqlWriter.TableAlias(i + 1));
            writer.Append(" ON ").Append(SqlWriter.TableAlias(i + 1)).Append(".").Append(navigation.TargetKeyColumn.QuotedName);
            writer.Append(" = ").Append(SqlWriter.TableAlias(nodes[i].Parent)).Append(".").Append(navigation.SourceKeyColumn.QuotedName);
            // In the ON, not the WHERE: a parent whose children are all filtered out still comes back, with none.
            if (shape.Filters.For(navigation.TargetTable, i + 1) is { } filter)
            {
                writer.Append(" AND ");
                WriteCondition(writer, filter);
            }
        }

        if (!paged) WriteWhere(writer, Criteria(root, shape));
        var orderings = new List<Ordering>(shape.Orderings);
        foreach (var key in root.KeyColumns) orderings.Add(new Ordering(new ColumnRef(key, 0), false));
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var key in nodes[i].Navigation.TargetTable.KeyColumns) orderings.Add(new Ordering(new ColumnRef(key, i + 1), false));
        }

        WriteOrderBy(writer, orderings.ToArray());
        return writer.ToStatement();
    }

    /// <summary><c>SELECT ... FROM table WHERE column IN (...) [AND filters] ORDER BY table key</c>: a split include's load of one batch of keys, in key order.</summary>
    public static SqlStatement SelectByKeys(TableInfo table, ColumnInfo column, ReadOnlySpan<object?> keys, FilterState filters)
    {
        var writer = new SqlWriter(qualifyColumns: false);
        writer.Append("SELECT ").Append(table.SelectList).Append(" FROM ").Append(table.QuotedName).Append(" WHERE ");
        writer.Append(column.QuotedName).Append(" IN (");
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0) writer.Append(", ");
            writer.Parameter(keys[i]);
        }

        writer.Append(")");
        if (filters.For(table, 0) is { } filter)
        {
            writer.Append(" AND ");
            WriteCondition(writer, filter);
        }

        for (var i = 0; i < table.KeyColumns.Count; i++)
        {
            writer.Append(i == 0 ? " ORDER BY " : ", ").Append(table.KeyColumns[i].QuotedName);
        }

        return writer.ToStatement();
    }
}
