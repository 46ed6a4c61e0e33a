using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// MySQL 8.0.19 and later (8.4 LTS and 9.x spell MicroOrm's statements as 8.0 does). Its upsert names the new row
/// with an alias and reads <c>`microorm_new`.`column`</c>: <c>VALUES(column)</c> there is deprecated since 8.0.20
/// and warns on every statement. The alias is MicroOrm's own name, so it cannot clash with a table called <c>new</c>.
/// Its tables use MySQL's own UCA 9.0 collation.
/// </summary>
internal sealed class MySqlDialect(string name, int index) : SqlDialect(name, index)
{
    private const string RowAlias = "`microorm_new`";

    public override string UpsertRowAlias => " AS " + RowAlias;

    public override string InsertedValue(ColumnInfo column) => RowAlias + "." + column.QuotedName;

    /// <summary>MySQL has no RETURNING: the keys of a multi-row insert follow LAST_INSERT_ID() by auto_increment_increment.</summary>
    public override string? ReturningKey(ColumnInfo key) => null;

    /// <summary>
    /// MySQL 8's own default, UCA 9.0: accent- and case-insensitive, each emoji its own weight, and NO PAD
    /// (<c>'a' = 'a '</c> is false, unlike MariaDB's tables).
    /// </summary>
    public override string TableCollation => "utf8mb4_0900_ai_ci";

    /// <summary>
    /// MySQL adds a last column instantly from 8.0.12, and drops or renames one instantly only from 8.0.29 and 8.0.28,
    /// so on 8.0 those are claimed as in place; NULL, NOT NULL, a longer VARCHAR of the same length prefix, and indexes
    /// are in place; another type, a foreign key (with foreign_key_checks on) or a CHECK copies the table.
    /// </summary>
    public override Schema.AlterAlgorithm AlgorithmOf(Schema.SchemaChange change) => change switch
    {
        Schema.SchemaChange.CreateTable or Schema.SchemaChange.DropTable => Schema.AlterAlgorithm.NotApplicable,
        Schema.SchemaChange.RenameTable or Schema.SchemaChange.AddColumn => Schema.AlterAlgorithm.Instant,
        Schema.SchemaChange.RenameColumn or Schema.SchemaChange.DropColumn => ReferenceEquals(this, MySql80) ? Schema.AlterAlgorithm.Inplace : Schema.AlterAlgorithm.Instant,
        Schema.SchemaChange.WidenVarchar or Schema.SchemaChange.AllowNull or Schema.SchemaChange.ForbidNull or Schema.SchemaChange.AddIndex
            or Schema.SchemaChange.DropIndex or Schema.SchemaChange.DropForeignKey or Schema.SchemaChange.DropCheck => Schema.AlterAlgorithm.Inplace,
        _ => Schema.AlterAlgorithm.Copy,
    };

    /// <summary>MySQL's JSON type validates and stores the document in a binary form of its own.</summary>
    public override (string Type, Schema.CheckShape? Check) JsonStorage(string table, string column) => ("JSON", null);

    /// <summary>
    /// MySQL refuses a CHECK on a column that a foreign key's CASCADE or SET NULL may rewrite (error 3823, "cannot be
    /// used in a check constraint"), so such a column keeps only the generated validator, which runs before every write.
    /// </summary>
    public override bool DeclaresCheck(Schema.TableShape table, Schema.CheckShape check)
    {
        foreach (var foreignKey in table.ForeignKeys)
        {
            if (foreignKey.Column == check.Column && foreignKey.OnDelete is "CASCADE" or "SET NULL") return false;
        }

        return true;
    }

    // What the server tells and is asked about its sessions, beyond the SQL for tables.

    /// <summary>
    /// MySQL's executed GTID set, which includes the session's transaction once it has committed; the set is what
    /// WAIT_FOR_EXECUTED_GTID_SET takes.
    /// </summary>
    public override SqlStatement LastWritePosition { get; } = new("SELECT @@GLOBAL.gtid_executed", []);

    /// <summary>WAIT_FOR_EXECUTED_GTID_SET answers 0 once the replica has executed the set, 1 when the timeout passes first.</summary>
    public override SqlStatement WaitForPosition(string position, double timeoutSeconds) => new("SELECT WAIT_FOR_EXECUTED_GTID_SET(@p0, @p1)", [position, timeoutSeconds]);

    /// <summary>SHOW REPLICA STATUS from 8.0.22 on; 8.4 removed SHOW SLAVE STATUS, which is all 8.0.19 to 8.0.21 have.</summary>
    public override SqlStatement ReplicaStatus => Index > MySql80.Index ? ReplicaStatusStatement : SlaveStatusStatement;

    private static readonly SqlStatement ReplicaStatusStatement = new("SHOW REPLICA STATUS", []);
    private static readonly SqlStatement SlaveStatusStatement = new("SHOW SLAVE STATUS", []);

    private protected override ServerFailure FamilyFailure(int number) => number switch
    {
        3819 => ServerFailure.CheckViolated,    // ER_CHECK_CONSTRAINT_VIOLATED: Check constraint 'name' is violated
        3024 => ServerFailure.StatementTimeout, // ER_QUERY_TIMEOUT: max_execution_time exceeded (a SELECT's limit)
        1826 or 3822 => ServerFailure.AlreadyThere, // ER_FK_DUP_NAME, ER_CHECK_CONSTRAINT_DUP_NAME
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
