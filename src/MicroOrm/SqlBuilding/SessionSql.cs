using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The statements MicroOrm sends about the session rather than about rows: what it asks the server, transaction
/// control, and dropping a table. MySQL and MariaDB spell all of them the same way; where they differ (whether a
/// session is still on the server) the dialect writes it.
/// </summary>
internal static class SessionSql
{
    /// <summary>The settings that shape multi-row inserts: the packet limit and the step between generated keys. The dialect needs no query: the server's version comes with the handshake.</summary>
    public const string ServerFacts = "SELECT @@max_allowed_packet, @@auto_increment_increment";

    /// <summary>The session's own sql_mode, which decides how a backslash in a string literal is read.</summary>
    public const string SqlMode = "SELECT @@SESSION.sql_mode";

    /// <summary>The health check's question: the cheapest statement that needs the server to answer.</summary>
    public const string Ping = "SELECT 1";

    // What the telemetry shows for the statements MySqlConnector sends on a transaction's behalf.
    public static readonly SqlStatement Start = new("START TRANSACTION", []);
    public static readonly SqlStatement StartReadOnly = new("START TRANSACTION READ ONLY", []);
    public static readonly SqlStatement Commit = new("COMMIT", []);
    public static readonly SqlStatement Rollback = new("ROLLBACK", []);

    /// <summary>Savepoint names are MicroOrm's own (<c>microorm_sp1</c>, ...), never a user's text.</summary>
    public static string Savepoint(string name) => "SAVEPOINT " + name;

    public static string ReleaseSavepoint(string name) => "RELEASE SAVEPOINT " + name;

    public static string RollbackToSavepoint(string name) => "ROLLBACK TO SAVEPOINT " + name;

    /// <summary>Ends a session; the server rolls back what it has not committed. The id is the server's own number, never a user's text.</summary>
    public static SqlStatement KillSession(int session) =>
        new("KILL CONNECTION " + session.ToString(System.Globalization.CultureInfo.InvariantCulture), []);

    /// <summary>The server's uptime in seconds (the second column), spelled so that MariaDB and MySQL 8 both answer it.</summary>
    public static readonly SqlStatement Uptime = new("SHOW GLOBAL STATUS LIKE 'Uptime'", []);

    public static SqlStatement DropTable(TableInfo table) => new("DROP TABLE IF EXISTS " + table.QuotedName, []);
}
