using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// MariaDB 10.6 and later. Its upsert refers to the new row with <c>VALUES(column)</c>: MariaDB has no row alias
/// after VALUES (<c>AS new</c> is a syntax error there).
/// </summary>
internal sealed class MariaDbDialect : SqlDialect
{
    public MariaDbDialect()
        : base("MariaDB 10.6+", 0)
    {
    }

    public override string UpsertRowAlias => "";

    public override string InsertedValue(ColumnInfo column) => "VALUES(" + column.QuotedName + ")";

    // What the server tells and is asked about its sessions, beyond the SQL for tables.

    // MariaDB numbers its own errors from 4000; its 3000s are MySQL 5.7's, several unused (3024 is ER_UNUSED_1 there).
    private protected override ServerFailure FamilyFailure(int number) => number switch
    {
        4025 => ServerFailure.CheckViolated,    // ER_CONSTRAINT_FAILED: CONSTRAINT `name` failed for `db`.`table`
        1969 => ServerFailure.StatementTimeout, // ER_STATEMENT_TIMEOUT: max_statement_time exceeded
        _ => ServerFailure.Other,
    };

    // MariaDB keeps information_schema.PROCESSLIST, not deprecated there (its performance_schema is off by default).
    public override SqlStatement SessionPresent(int session) =>
        new("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = @p0", [session]);
}
