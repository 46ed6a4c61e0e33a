using System;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Reads the operation a statement performs, for the telemetry's <c>db.operation.name</c>: the SQL vocabulary lives in
/// this folder, including the words MicroOrm recognizes in statements it did not write.
/// </summary>
internal static class StatementVerbs
{
    /// <summary>
    /// The statement's first keyword, upper-cased (SELECT, INSERT, UPDATE, DELETE, ...), or the two or three words of a
    /// transaction control statement (START TRANSACTION, RELEASE SAVEPOINT, ROLLBACK TO SAVEPOINT).
    /// </summary>
    public static string OperationName(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        foreach (var phrase in TransactionControl)
        {
            if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)) return phrase;
        }

        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        if (end == 0) return "SQL";
        var word = text[..end];
        foreach (var verb in CommonVerbs)
        {
            // The statements MicroOrm itself sends name their operation without allocating.
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase)) return verb;
        }

        return word.ToString().ToUpperInvariant();
    }

    private static readonly string[] TransactionControl = ["START TRANSACTION", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"];

    private static readonly string[] CommonVerbs = ["SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "COMMIT", "ROLLBACK", "SAVEPOINT", "WITH"];
}
