namespace MicroOrm;

/// <summary>
/// The server family and version whose SQL MicroOrm writes. <see cref="Detect"/> (the default) reads the server's
/// version the first time it is needed; naming one saves that query and fixes the SQL whatever the server says.
/// </summary>
public enum ServerDialect
{
    /// <summary>Read <c>@@version</c> from the server once per database object.</summary>
    Detect = 0,

    /// <summary>MariaDB 10.6 and later.</summary>
    MariaDb,

    /// <summary>MySQL 8.0 (8.0.19 and later: the upsert names the inserted row with an alias).</summary>
    MySql80,

    /// <summary>MySQL 8.4 LTS.</summary>
    MySql84,

    /// <summary>MySQL 9.x.</summary>
    MySql9,
}
