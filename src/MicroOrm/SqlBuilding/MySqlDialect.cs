using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// MySQL 8.0.19 and later (8.4 LTS and 9.x spell MicroOrm's statements as 8.0 does). Its upsert names the new row
/// with an alias and reads <c>`microorm_new`.`column`</c>: <c>VALUES(column)</c> there is deprecated since 8.0.20
/// and warns on every statement. The alias is MicroOrm's own name, so it cannot clash with a table called <c>new</c>.
/// </summary>
internal sealed class MySqlDialect(string name, int index) : SqlDialect(name, index)
{
    private const string RowAlias = "`microorm_new`";

    public override string UpsertRowAlias => " AS " + RowAlias;

    public override string InsertedValue(ColumnInfo column) => RowAlias + "." + column.QuotedName;

    // What the server tells and is asked about its sessions, beyond the SQL for tables.

    private protected override ServerFailure FamilyFailure(int number) => number switch
    {
        3819 => ServerFailure.CheckViolated,    // ER_CHECK_CONSTRAINT_VIOLATED: Check constraint 'name' is violated
        3024 => ServerFailure.StatementTimeout, // ER_QUERY_TIMEOUT: max_execution_time exceeded (a SELECT's limit)
        _ => ServerFailure.Other,
    };

    /// <summary>
    /// MySQL deprecates information_schema.PROCESSLIST for performance_schema.processlist (same ID column), which
    /// exists only from 8.0.22: MySQL 8.0, which this dialect takes from 8.0.19, keeps the old table, which every 8.0
    /// has; 8.4 and 9 read the new one.
    /// </summary>
    public override SqlStatement SessionPresent(int session) =>
        new(Index > MySql80.Index
            ? "SELECT COUNT(*) FROM performance_schema.processlist WHERE ID = @p0"
            : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = @p0", [session]);
}
