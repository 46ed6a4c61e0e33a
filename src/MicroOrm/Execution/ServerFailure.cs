namespace MicroOrm.Execution;

/// <summary>
/// What a server error means, whichever number the server family gives it: the dialect reads the number
/// (<see cref="SqlBuilding.SqlDialect.Failure"/>), and <see cref="ServerErrors"/> words the message from the meaning.
/// </summary>
internal enum ServerFailure
{
    /// <summary>A number MicroOrm has no message of its own for: the server's message is used.</summary>
    Other,

    /// <summary>A row with the same primary or unique key exists.</summary>
    DuplicateKey,

    /// <summary>A value is longer than its column.</summary>
    TooLong,

    /// <summary>A value is outside its column's range.</summary>
    OutOfRange,

    /// <summary>NULL for a NOT NULL column.</summary>
    NullInNotNull,

    /// <summary>A value of the wrong type or format for its column.</summary>
    WrongValue,

    /// <summary>A foreign key names a row that does not exist.</summary>
    MissingParent,

    /// <summary>Other rows still refer to the row through a foreign key.</summary>
    StillReferenced,

    /// <summary>A CHECK constraint is broken.</summary>
    CheckViolated,

    /// <summary>The user lacks a privilege.</summary>
    Denied,

    /// <summary>A write in a READ ONLY transaction.</summary>
    ReadOnlyTransaction,

    /// <summary>The server stopped the statement at its own time limit.</summary>
    StatementTimeout,

    /// <summary>The connection broke during the statement.</summary>
    ConnectionLost,

    /// <summary>MicroOrm's command timeout passed and the command was cancelled.</summary>
    CommandTimeout,

    /// <summary>What a DDL statement creates is there already (a table, column, index or constraint of that name).</summary>
    AlreadyThere,

    /// <summary>What a DDL statement drops or renames is not there (a table, column, index or constraint of that name).</summary>
    NotThere,
}
