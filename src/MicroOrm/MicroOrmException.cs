using System;

namespace MicroOrm;

/// <summary>
/// Raised for every failure MicroOrm reports: it carries the SQL text (never the parameter values), the table and
/// column when known, and the server's error number when the server refused the statement.
/// </summary>
public class MicroOrmException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MicroOrmException(string message, Exception? innerException = null, string? sql = null, string? table = null, string? column = null, int? serverErrorCode = null)
        : base(message, innerException)
    {
        Sql = sql;
        Table = table;
        Column = column;
        ServerErrorCode = serverErrorCode;
    }

    /// <summary>The SQL text of the failed command, with parameter placeholders and no values.</summary>
    public string? Sql { get; }

    /// <summary>The table involved, when known.</summary>
    public string? Table { get; }

    /// <summary>The column involved, when known.</summary>
    public string? Column { get; }

    /// <summary>The server's error number (for example 1062 for a duplicate key), when the server raised the error.</summary>
    public int? ServerErrorCode { get; }
}
