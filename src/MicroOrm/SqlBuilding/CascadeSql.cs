using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The rows of one table that a cascading delete reaches, as data: the rows the caller deletes (chosen by a
/// condition), or the rows whose foreign key points at the keys of another selection.
/// </summary>
internal sealed class KeySelection
{
    private KeySelection(TableInfo table, Condition? where, ColumnInfo? foreignKey, KeySelection? principal)
    {
        Table = table;
        Where = where;
        ForeignKey = foreignKey;
        Principal = principal;
    }

    public TableInfo Table { get; }

    /// <summary>The condition that chooses the rows, on the selection the caller starts from.</summary>
    public Condition? Where { get; }

    /// <summary>The column of <see cref="Table"/> that points at <see cref="Principal"/>'s keys, on a dependent selection.</summary>
    public ColumnInfo? ForeignKey { get; }

    public KeySelection? Principal { get; }

    public static KeySelection Chosen(TableInfo table, Condition where) => new(table, where, null, null);

    public static KeySelection Referencing(TableInfo dependent, ColumnInfo foreignKey, KeySelection principal) => new(dependent, null, foreignKey, principal);
}

/// <summary>The statements of a cascading delete: the dependents' DELETE or their foreign key set to NULL, before the principal's DELETE.</summary>
internal static class CascadeSql
{
    /// <summary><c>DELETE FROM table WHERE ...</c> of the selection's rows.</summary>
    public static SqlStatement Delete(KeySelection selection)
    {
        var writer = new SqlWriter(qualifyColumns: false).Append("DELETE FROM ").Append(selection.Table.QuotedName).Append(" WHERE ");
        WriteWhere(writer, selection);
        return writer.ToStatement();
    }

    /// <summary><c>UPDATE table SET foreign key = NULL WHERE ...</c> of a dependent selection's rows.</summary>
    public static SqlStatement SetNull(KeySelection selection)
    {
        var writer = new SqlWriter(qualifyColumns: false).Append("UPDATE ").Append(selection.Table.QuotedName)
            .Append(" SET ").Append(selection.ForeignKey!.QuotedName).Append(" = NULL WHERE ");
        WriteWhere(writer, selection);
        return writer.ToStatement();
    }

    private static void WriteWhere(SqlWriter writer, KeySelection selection)
    {
        if (selection.Where is { } where)
        {
            QuerySql.WriteCondition(writer, where);
            return;
        }

        // MySQL refuses a subquery on the table being changed unless it is materialized, hence the derived table.
        writer.Append(selection.ForeignKey!.QuotedName).Append(" IN (SELECT * FROM (");
        WriteKeys(writer, selection.Principal!);
        writer.Append(") AS `microorm_keys`)");
    }

    private static void WriteKeys(SqlWriter writer, KeySelection selection)
    {
        writer.Append("SELECT ").Append(selection.Table.KeyColumns[0].QuotedName).Append(" FROM ").Append(selection.Table.QuotedName).Append(" WHERE ");
        WriteWhere(writer, selection);
    }
}
