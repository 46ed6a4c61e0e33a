using System;
using System.Globalization;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// What differs in the SQL MicroOrm writes between the server families it supports. Everything both families spell
/// the same way is written once, in the statement writers of this folder; a dialect holds only the differences, so
/// that each one is visible in one place and has its own golden file.
/// </summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect MariaDb = new MariaDbDialect();
    public static readonly SqlDialect MySql80 = new MySqlDialect("MySQL 8.0", 1);
    public static readonly SqlDialect MySql84 = new MySqlDialect("MySQL 8.4", 2);
    public static readonly SqlDialect MySql9 = new MySqlDialect("MySQL 9", 3);

    /// <summary>How many dialects there are, so that per-dialect caches can be arrays indexed by <see cref="Index"/>.</summary>
    public const int Count = 4;

    private protected SqlDialect(string name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The server family and version, as users name it.</summary>
    public string Name { get; }

    /// <summary>A small number unique to the dialect (0 to <see cref="Count"/> − 1).</summary>
    public int Index { get; }

    /// <summary>What follows the VALUES list of an upsert, before ON DUPLICATE KEY UPDATE: a name for the new row, or nothing.</summary>
    public abstract string UpsertRowAlias { get; }

    /// <summary>How an ON DUPLICATE KEY UPDATE assignment refers to the value the insert would have written into <paramref name="column"/>.</summary>
    public abstract string InsertedValue(ColumnInfo column);

    /// <summary>
    /// What follows a multi-row INSERT so that the server returns the key it generated for each row, in row order;
    /// <see langword="null"/> when the family has no <c>RETURNING</c>, and the keys are counted on from LAST_INSERT_ID().
    /// </summary>
    public abstract string? ReturningKey(ColumnInfo key);

    /// <summary>
    /// The algorithm the server performs <paramref name="change"/> with, at the least: a migration file says it beside
    /// each ALTER and flags a COPY. The claims come from the servers' online-DDL documentation; MariaDB's are checked
    /// against the real server by running each step with that ALGORITHM clause.
    /// </summary>
    public abstract Schema.AlterAlgorithm AlgorithmOf(Schema.SchemaChange change);

    /// <summary>The collation of the tables MicroOrm creates (their character set is utf8mb4 on every dialect).</summary>
    public abstract string TableCollation { get; }

    /// <summary>Whether <paramref name="table"/> may declare <paramref name="check"/>, a column's CHECK constraint (from <c>[Range]</c>).</summary>
    public abstract bool DeclaresCheck(Schema.TableShape table, Schema.CheckShape check);

    /// <summary>
    /// How a JSON column (<c>[Json]</c>) of <paramref name="table"/> is stored: its type, and the CHECK constraint that
    /// keeps it valid JSON where the type alone does not.
    /// </summary>
    public abstract (string Type, Schema.CheckShape? Check) JsonStorage(string table, string column);

    /// <summary>The dialect <paramref name="option"/> names; <see langword="null"/> for <see cref="ServerDialect.Detect"/>.</summary>
    public static SqlDialect? For(ServerDialect option) => option switch
    {
        ServerDialect.MariaDb => MariaDb,
        ServerDialect.MySql80 => MySql80,
        ServerDialect.MySql84 => MySql84,
        ServerDialect.MySql9 => MySql9,
        _ => null,
    };

    /// <summary>
    /// The dialect of a server from its <c>@@version</c>: <c>10.11.19-MariaDB-0+deb12u1</c> is MariaDB, <c>8.4.3</c>
    /// is MySQL 8.4. Every MariaDB is written for as MariaDB (the statements MicroOrm sends are older than 10.6);
    /// a MySQL older than 8.0.19, which has no row alias for its upsert, is refused with the version it reported.
    /// </summary>
    public static SqlDialect FromServerVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var (major, minor, patch) = Numbers(version);
        if (version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)) return MariaDb;

        return (major, minor) switch
        {
            (>= 9, _) => MySql9,
            (8, >= 4) => MySql84,
            (8, _) when minor > 0 || patch >= 19 => MySql80,
            _ => throw Unsupported(version),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static (int Major, int Minor, int Patch) Numbers(string version)
    {
        var numbers = new int[3];
        var part = 0;
        foreach (var c in version)
        {
            if (c == '.')
            {
                if (++part == 3) break;
            }
            else if (c is >= '0' and <= '9')
            {
                numbers[part] = (numbers[part] * 10) + (c - '0');
            }
            else
            {
                break;
            }
        }

        return (numbers[0], numbers[1], numbers[2]);
    }

    private static NotSupportedException Unsupported(string version) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The server reports version {version}; MicroOrm writes SQL for MariaDB and for MySQL 8.0.19 and later."));

    // What the server tells and is asked about its sessions, beyond the SQL for tables.

    /// <summary>
    /// What server error <paramref name="number"/> means on this family. The numbers both families give the same
    /// meaning are read here; the ones they number differently (or use for something else) by the family.
    /// </summary>
    public ServerFailure Failure(int number) => number switch
    {
        1062 => ServerFailure.DuplicateKey,          // ER_DUP_ENTRY
        1406 => ServerFailure.TooLong,               // ER_DATA_TOO_LONG
        1264 => ServerFailure.OutOfRange,            // ER_WARN_DATA_OUT_OF_RANGE
        1048 => ServerFailure.NullInNotNull,         // ER_BAD_NULL_ERROR
        1366 or 1292 or 1367 or 1411 => ServerFailure.WrongValue, // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, ER_TRUNCATED_WRONG_VALUE, ER_ILLEGAL_VALUE_FOR_TYPE, ER_WRONG_VALUE_FOR_TYPE
        1452 => ServerFailure.MissingParent,         // ER_NO_REFERENCED_ROW_2
        1451 => ServerFailure.StillReferenced,       // ER_ROW_IS_REFERENCED_2
        1142 or 1143 => ServerFailure.Denied,        // ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR
        1792 => ServerFailure.ReadOnlyTransaction,   // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        2013 => ServerFailure.ConnectionLost,        // CR_SERVER_LOST, a client number every MySQL client gives
        (int)MySqlConnector.MySqlErrorCode.CommandTimeoutExpired => ServerFailure.CommandTimeout, // MySqlConnector's own
        1050 or 1060 or 1061 => ServerFailure.AlreadyThere, // ER_TABLE_EXISTS_ERROR, ER_DUP_FIELDNAME, ER_DUP_KEYNAME
        1091 or 1054 or 1146 or 1051 => ServerFailure.NotThere, // ER_CANT_DROP_FIELD_OR_KEY, ER_BAD_FIELD_ERROR, ER_NO_SUCH_TABLE, ER_BAD_TABLE_ERROR
        _ => FamilyFailure(number),
    };

    /// <summary>
    /// Whether a migration step failed only because it had already run: a step interrupted between running and being
    /// recorded runs again, and finds its table, column, index or constraint already made (or already gone).
    /// </summary>
    public virtual bool StepAlreadyApplied(int number, string message) => Failure(number) is ServerFailure.AlreadyThere or ServerFailure.NotThere;

    /// <summary>The meaning of a number only this family gives it; <see cref="ServerFailure.Other"/> for any other.</summary>
    private protected abstract ServerFailure FamilyFailure(int number);

    /// <summary>
    /// The position of the replication stream that includes this session's last committed write, read on the session
    /// right after it: what a replica must have applied before it can show that write.
    /// </summary>
    public abstract SqlStatement LastWritePosition { get; }

    /// <summary>
    /// Waits, on a replica, until it has applied <paramref name="position"/> or <paramref name="timeoutSeconds"/> have
    /// passed; answers 0 when the position is applied.
    /// </summary>
    public abstract SqlStatement WaitForPosition(string position, double timeoutSeconds);

    /// <summary>The replica's own account of its replication: whether its threads run, and how far behind it is.</summary>
    public abstract SqlStatement ReplicaStatus { get; }

    /// <summary>
    /// Whether session <paramref name="session"/> is still on the server (a count, 0 or 1): a session leaves the
    /// process list only once its transaction has ended. The id is the server's own number.
    /// </summary>
    public abstract SqlStatement SessionPresent(int session);
}
