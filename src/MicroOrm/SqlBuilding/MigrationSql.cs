namespace MicroOrm.SqlBuilding;

/// <summary>
/// The statements of the migration runner: its history tables, and the lock that lets one runner at a time apply.
/// The lock is <c>GET_LOCK</c> on a name of the database's own, or, where the server refuses GET_LOCK (a Percona
/// XtraDB Cluster in strict mode), a row with an owner and an expiry, which a cluster certifies like any write.
/// </summary>
internal static class MigrationSql
{
    public const string HistoryTable = "microorm_migrations";
    public const string StepsTable = "microorm_migration_steps";
    public const string LockTable = "microorm_migration_lock";

    public static readonly SqlStatement CreateHistory = new(
        "CREATE TABLE IF NOT EXISTS `microorm_migrations` (`version` BIGINT NOT NULL, `name` VARCHAR(200) NOT NULL, `checksum` CHAR(64) NOT NULL, " +
        "`steps` INT NOT NULL, `steps_started` INT NOT NULL, `steps_done` INT NOT NULL, `started_at` DATETIME(6) NOT NULL, `finished_at` DATETIME(6) NULL, " +
        "PRIMARY KEY (`version`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", []);

    public static readonly SqlStatement CreateSteps = new(
        "CREATE TABLE IF NOT EXISTS `microorm_migration_steps` (`version` BIGINT NOT NULL, `step` INT NOT NULL, `description` VARCHAR(500) NOT NULL, " +
        "`applied_at` DATETIME(6) NOT NULL, PRIMARY KEY (`version`, `step`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", []);

    public static readonly SqlStatement CreateLock = new(
        "CREATE TABLE IF NOT EXISTS `microorm_migration_lock` (`id` TINYINT NOT NULL, `owner` VARCHAR(100) NOT NULL, `expires_at` DATETIME(6) NOT NULL, " +
        "PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", []);

    public static readonly SqlStatement History = new(
        "SELECT `version`, `name`, `checksum`, `steps`, `steps_started`, `steps_done`, `finished_at` IS NOT NULL FROM `microorm_migrations` ORDER BY `version`", []);

    public static SqlStatement Begin(long version, string name, string checksum, int steps) => new(
        "INSERT INTO `microorm_migrations` (`version`, `name`, `checksum`, `steps`, `steps_started`, `steps_done`, `started_at`) VALUES (@p0, @p1, @p2, @p3, 0, 0, UTC_TIMESTAMP(6))",
        [version, name, checksum, steps]);

    public static SqlStatement StepStarted(long version, int step) =>
        new("UPDATE `microorm_migrations` SET `steps_started` = @p0 WHERE `version` = @p1", [step, version]);

    public static SqlStatement StepDone(long version, int step, string description) => new(
        "INSERT INTO `microorm_migration_steps` (`version`, `step`, `description`, `applied_at`) VALUES (@p0, @p1, @p2, UTC_TIMESTAMP(6)); " +
        "UPDATE `microorm_migrations` SET `steps_done` = @p1 WHERE `version` = @p0",
        [version, step, description.Length > 500 ? description[..500] : description]);

    public static SqlStatement Finished(long version) =>
        new("UPDATE `microorm_migrations` SET `finished_at` = UTC_TIMESTAMP(6) WHERE `version` = @p0", [version]);

    /// <summary>The lock's name: one per database (GET_LOCK names are server-wide), at most the 64 characters a name may have.</summary>
    private const string LockName = "LEFT(CONCAT('microorm_migrations.', DATABASE()), 64)";

    /// <summary>
    /// A row on a Galera node that replicates (MariaDB Galera, Percona XtraDB Cluster), none elsewhere. SHOW answers on
    /// every server: <c>SELECT @@wsrep_on</c> fails on MySQL, which has no such variable, and a failed command is logged.
    /// </summary>
    public static readonly SqlStatement GaleraOn = new("SHOW GLOBAL VARIABLES WHERE Variable_name = 'wsrep_on' AND Value = 'ON'", []);

    public static SqlStatement GetLock(int timeoutSeconds) => new("SELECT GET_LOCK(" + LockName + ", @p0)", [timeoutSeconds]);

    public static readonly SqlStatement ReleaseLock = new("SELECT RELEASE_LOCK(" + LockName + ")", []);

    /// <summary>Frees the lock row of an owner whose lease ran out (a runner that died holding it).</summary>
    public static readonly SqlStatement ExpireLockRow = new("DELETE FROM `microorm_migration_lock` WHERE `id` = 1 AND `expires_at` < UTC_TIMESTAMP(6)", []);

    /// <summary>Takes the lock row when nobody holds it: 1 row inserted means taken.</summary>
    public static SqlStatement ClaimLockRow(string owner, int leaseSeconds) => new(
        "INSERT IGNORE INTO `microorm_migration_lock` (`id`, `owner`, `expires_at`) VALUES (1, @p0, UTC_TIMESTAMP(6) + INTERVAL @p1 SECOND)",
        [owner, leaseSeconds]);

    public static SqlStatement RenewLockRow(string owner, int leaseSeconds) => new(
        "UPDATE `microorm_migration_lock` SET `expires_at` = UTC_TIMESTAMP(6) + INTERVAL @p1 SECOND WHERE `id` = 1 AND `owner` = @p0", [owner, leaseSeconds]);

    public static SqlStatement ReleaseLockRow(string owner) =>
        new("DELETE FROM `microorm_migration_lock` WHERE `id` = 1 AND `owner` = @p0", [owner]);
}
