using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// MariaDB 10.6 and later. Its upsert refers to the new row with <c>VALUES(column)</c>: MariaDB has no row alias
/// after VALUES (<c>AS new</c> is a syntax error there). A multi-row insert returns its keys with RETURNING; its tables
/// use the UCA 5.2 collation.
/// </summary>
internal sealed class MariaDbDialect : SqlDialect
{
    public MariaDbDialect()
        : base("MariaDB 10.6+", 0)
    {
    }

    public override string UpsertRowAlias => "";

    public override string InsertedValue(ColumnInfo column) => "VALUES(" + column.QuotedName + ")";

    /// <summary>
    /// MariaDB returns each row's key (10.5 and later). Counting on from LAST_INSERT_ID() by auto_increment_increment
    /// would need that step to stay what it was when read, which a Galera cluster changes when a node joins or leaves.
    /// </summary>
    public override string ReturningKey(ColumnInfo key) => " RETURNING " + key.QuotedName;

    /// <summary>
    /// utf8mb4 stores every Unicode character. The 520 collation, present from MariaDB 10.6 (uca1400 only from 10.10),
    /// weighs 4-byte characters (emoji) one by one, where unicode_ci and general_ci treat them all as equal. It pads:
    /// <c>'a' = 'a '</c> is true.
    /// </summary>
    public override string TableCollation => "utf8mb4_unicode_520_ci";

    /// <summary>
    /// MariaDB 10.4 and later add, drop and rename columns and widen a VARCHAR instantly; NULL and NOT NULL (on the
    /// default DYNAMIC row format, where allowing NULL is not instant) and indexes are in place; another type, a
    /// foreign key (with foreign_key_checks on) or a CHECK copies the table.
    /// </summary>
    public override Schema.AlterAlgorithm AlgorithmOf(Schema.SchemaChange change) => change switch
    {
        Schema.SchemaChange.CreateTable or Schema.SchemaChange.DropTable => Schema.AlterAlgorithm.NotApplicable,
        Schema.SchemaChange.RenameTable or Schema.SchemaChange.RenameColumn or Schema.SchemaChange.AddColumn or Schema.SchemaChange.DropColumn
            or Schema.SchemaChange.WidenVarchar => Schema.AlterAlgorithm.Instant,
        Schema.SchemaChange.AllowNull or Schema.SchemaChange.ForbidNull or Schema.SchemaChange.AddIndex or Schema.SchemaChange.DropIndex or Schema.SchemaChange.DropForeignKey
            or Schema.SchemaChange.DropCheck => Schema.AlterAlgorithm.Inplace,
        _ => Schema.AlterAlgorithm.Copy,
    };

    /// <summary>
    /// MariaDB's JSON is a LONGTEXT with a JSON_VALID check under the column's own name; MicroOrm writes both itself,
    /// with a check name of its own, so the drift check can tell the two apart.
    /// </summary>
    public override (string Type, Schema.CheckShape? Check) JsonStorage(string table, string column) =>
        ("LONGTEXT", new Schema.CheckShape(CheckNames.Fit("ck_" + table + "_" + column + "_json"), column, Expression: "JSON_VALID(" + SqlIdentifier.Quote(column) + ")"));

    /// <summary>MariaDB checks a row that a referential action rewrites like any other, so every [Range] is declared.</summary>
    public override bool DeclaresCheck(Schema.TableShape table, Schema.CheckShape check) => true;

    // What the server tells and is asked about its sessions, beyond the SQL for tables.

    /// <summary>The session's last GTID (<c>domain-server-sequence</c>), which MASTER_GTID_WAIT takes as it is.</summary>
    public override SqlStatement LastWritePosition { get; } = new("SELECT @@last_gtid", []);

    /// <summary>MASTER_GTID_WAIT answers 0 once the replica has applied the position, -1 when the timeout passes first.</summary>
    public override SqlStatement WaitForPosition(string position, double timeoutSeconds) => new("SELECT MASTER_GTID_WAIT(@p0, @p1)", [position, timeoutSeconds]);

    public override SqlStatement ReplicaStatus { get; } = new("SHOW SLAVE STATUS", []);

    // MariaDB numbers its own errors from 4000; its 3000s are MySQL 5.7's, several unused (3024 is ER_UNUSED_1 there).
    private protected override ServerFailure FamilyFailure(int number) => number switch
    {
        4025 => ServerFailure.CheckViolated,    // ER_CONSTRAINT_FAILED: CONSTRAINT `name` failed for `db`.`table`
        1826 => ServerFailure.AlreadyThere,     // ER_DUP_CONSTRAINT_NAME: Duplicate CHECK constraint name
        1969 => ServerFailure.StatementTimeout, // ER_STATEMENT_TIMEOUT: max_statement_time exceeded
        _ => ServerFailure.Other,
    };

    /// <summary>A foreign key whose name is taken is error 1005 (can't create table) with InnoDB's errno 121 in the message.</summary>
    public override bool StepAlreadyApplied(int number, string message) =>
        base.StepAlreadyApplied(number, message) || (number == 1005 && message.Contains("errno: 121", System.StringComparison.Ordinal));

    // MariaDB keeps information_schema.PROCESSLIST, not deprecated there (its performance_schema is off by default).
    public override SqlStatement SessionPresent(int session) =>
        new("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = @p0", [session]);
}
