namespace MicroOrm;

/// <summary>
/// The server family and version whose SQL MicroOrm writes. <see cref="Detect"/> (the default) takes the version the
/// server announces when the first connection opens; naming one fixes the SQL whatever the server says.
/// </summary>
public enum ServerDialect
{
    /// <summary>Take the version the server sends in its handshake, at the first connection (no query is sent for it).</summary>
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
