using System;
using System.Text.RegularExpressions;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Turns a server error into a <see cref="MicroOrmException"/> that names the table, the column (from the model's
/// metadata where the server names a key or constraint) and the error number, with the SQL text but no values.
/// </summary>
internal static partial class ServerErrors
{
    /// <param name="exception">The server's error.</param>
    /// <param name="dialect">The server's dialect, which reads the error's number; <see langword="null"/> when not known yet.</param>
    /// <param name="statement">The statement it refused.</param>
    /// <param name="table">The table the statement is about, when known.</param>
    /// <param name="showValues">
    /// Whether the user opted in to sensitive data: only then is the server's own message, which can quote a value,
    /// kept as the inner exception.
    /// </param>
    public static MicroOrmException Translate(MySqlException exception, SqlDialect? dialect, SqlStatement statement, TableInfo? table, bool showValues = false)
    {
        var number = IsConnectionLost(exception) ? ConnectionLost : exception.Number;
        var message = exception.Message;
        var tableName = table?.Name;
        string? column = null;
        string what;
        var carriesValues = false;

        switch (FailureOf(number, dialect))
        {
            case ServerFailure.DuplicateKey:
                carriesValues = true;
                var key = Match(KeyPattern(), message);
                column = KeyColumns(table, key);
                what = $"A row with the same {(key == "PRIMARY" ? "primary key" : $"unique key {key}")}{Columns(column)} already exists";
                break;
            case ServerFailure.TooLong:
                column = ColumnOf(message);
                what = $"The value for column {column} is longer than the column allows";
                break;
            case ServerFailure.OutOfRange:
                column = ColumnOf(message);
                what = $"The value for column {column} is out of the column's range";
                break;
            case ServerFailure.NullInNotNull:
                column = Match(NullColumnPattern(), message);
                what = $"Column {column} cannot be NULL";
                break;
            case ServerFailure.WrongValue:
                carriesValues = true;
                column = ColumnOf(message);
                what = column is null ? "A value has the wrong type or format" : $"The value for column {column} has the wrong type or format";
                break;
            case ServerFailure.MissingParent:
                column = ForeignKeyColumn(table, Match(ConstraintPattern(), message));
                what = $"The row refers to a missing row through its foreign key{Columns(column)}";
                break;
            case ServerFailure.StillReferenced:
                what = $"Other rows still refer to this row through the foreign key {Match(ConstraintPattern(), message)}; delete them first, or declare OnDelete = Cascade";
                tableName ??= Match(ChildTablePattern(), message);
                break;
            case ServerFailure.CheckViolated:
                var check = Match(CheckPattern(), message);
                tableName ??= Match(CheckTablePattern(), message);
                column = CheckColumn(table, tableName, check);
                what = $"The value for column {column ?? "?"} breaks the check constraint {check} (the column's [Range])";
                break;
            case ServerFailure.Denied:
                what = $"The database user may not run this: {message.TrimEnd('.')}. Connect as a user with that privilege; a read-only user can only query";
                break;
            case ServerFailure.ConnectionLost:
                what = LostConnection(message);
                break;
            case ServerFailure.CommandTimeout:
                what = "The command did not finish within the command timeout (CommandTimeout) and was cancelled";
                break;
            case ServerFailure.ReadOnlyTransaction:
                what = "The statement writes, but it ran in a READ ONLY transaction (one begun through a read-only view)";
                break;
            case ServerFailure.StatementTimeout:
                what = "The server stopped the statement at its own time limit (MariaDB's max_statement_time, MySQL's max_execution_time)";
                break;
            default:
                what = message.TrimEnd('.');
                break;
        }

        var code = number > 0 ? number : (int?)null;
        return new MicroOrmException(Text(what, number, tableName, statement), carriesValues && !showValues ? null : exception, statement.Text, tableName, column, code);
    }

    /// <summary>
    /// What <paramref name="number"/> means on <paramref name="dialect"/>. Without a dialect the number is read as
    /// either family's, MariaDB's first: a command runs only on a connection whose handshake has already named the
    /// dialect to the source, so no dialect means a failure seen before any connection opened, and then a message
    /// from the wrong family's meaning is still better than the server's bare text. (MariaDB leaves MySQL's 3024,
    /// its statement timeout, unused.)
    /// </summary>
    private static ServerFailure FailureOf(int number, SqlDialect? dialect)
    {
        if (dialect is not null) return dialect.Failure(number);
        var failure = SqlDialect.MariaDb.Failure(number);
        return failure != ServerFailure.Other ? failure : SqlDialect.MySql80.Failure(number);
    }

    /// <summary>The one-line message: what happened, the error number, the table, and the SQL (placeholders only).</summary>
    private static string Text(string what, int number, string? tableName, SqlStatement statement)
    {
        // MySqlConnector numbers its own errors below 1 (a timeout is -1): those are not the server's. Numbers from 2000
        // are the client library's, as a lost connection (2013) is in every MySQL client.
        var source = number <= 0 ? "" : number >= 2000 ? $" (client error {number})" : $" (server error {number})";
        return $"{what}{source}{(tableName is null ? "" : $" on table {tableName}")}, while running: {statement.Text}";
    }

    private static string LostConnection(string message) =>
        $"The connection to the server was lost during the statement ({message.TrimEnd('.')}); the server rolls back a transaction that was open on it";

    /// <summary>
    /// What to throw for any failure of a statement: a server error or a broken connection (which MySqlConnector
    /// sometimes lets through as a bare socket or I/O exception) becomes a <see cref="MicroOrmException"/>; anything
    /// else (a cancellation, a misuse) is returned as it is.
    /// </summary>
    public static Exception TranslateAny(Exception exception, SqlDialect? dialect, SqlStatement statement, TableInfo? table, bool showValues = false) => exception switch
    {
        MySqlException server => Translate(server, dialect, statement, table, showValues),
        System.IO.IOException or System.Net.Sockets.SocketException => new MicroOrmException(
            Text(LostConnection(exception.Message), ConnectionLost, table?.Name, statement), exception, statement.Text, table?.Name, null, ConnectionLost),
        _ => exception,
    };

    /// <summary>CR_SERVER_LOST, the number MySQL clients give a connection that broke during a statement.</summary>
    public const int ConnectionLost = 2013;

    /// <summary>MySqlConnector reports a broken connection as error 0 around the I/O failure (an end of stream, a reset socket).</summary>
    public static bool IsConnectionLost(MySqlException exception) =>
        exception.Number == 0 && exception.InnerException is System.IO.IOException or System.Net.Sockets.SocketException or ObjectDisposedException;

    private static string? ColumnOf(string message) => Match(ColumnPattern(), message);

    private static string? KeyColumns(TableInfo? table, string? key)
    {
        if (table is null || key is null) return null;
        if (key == "PRIMARY")
        {
            var names = new string[table.KeyColumns.Count];
            for (var i = 0; i < names.Length; i++) names[i] = table.KeyColumns[i].Name;
            return string.Join(", ", names);
        }

        foreach (var index in table.Indexes)
        {
            if (index.Name == key) return string.Join(", ", index.Columns);
        }

        return null;
    }

    private static string? ForeignKeyColumn(TableInfo? table, string? constraint)
    {
        if (table is null || constraint is null) return null;
        foreach (var foreignKey in table.ForeignKeys)
        {
            if (foreignKey.Name == constraint) return foreignKey.Column;
        }

        return null;
    }

    /// <summary>The column a CHECK constraint guards: from the model when the table is known, else from the ck_{table}_{column} name.</summary>
    private static string? CheckColumn(TableInfo? table, string? tableName, string? constraint)
    {
        if (constraint is null) return null;
        if (table is not null)
        {
            foreach (var column in table.Columns)
            {
                if (column.CheckConstraint == constraint) return column.Name;
            }
        }

        var prefix = "ck_" + tableName + "_";
        return tableName is not null && constraint.StartsWith(prefix, StringComparison.Ordinal) && constraint.Length > prefix.Length ? constraint[prefix.Length..] : null;
    }

    private static string Columns(string? column) => column is null ? "" : $" ({column})";

    private static string? Match(Regex pattern, string message)
    {
        var match = pattern.Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    // MySQL 8 writes 'table.key'; MariaDB writes 'key'.
    [GeneratedRegex(@"for key '(?:[^'.]+\.)?([^']+)'")]
    private static partial Regex KeyPattern();

    // 'name' (MySQL) or `db`.`table`.`name` (MariaDB).
    [GeneratedRegex(@"for column (?:`[^`]*`\.)*[`']([^`']+)[`']")]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"^Column '([^']+)' cannot be null")]
    private static partial Regex NullColumnPattern();

    [GeneratedRegex(@"CONSTRAINT `([^`]+)`")]
    private static partial Regex ConstraintPattern();

    // MariaDB: CONSTRAINT `name` failed for `db`.`table`; MySQL 8: Check constraint 'name' is violated.
    [GeneratedRegex(@"(?:CONSTRAINT `|[Cc]heck constraint ')([^`']+)[`']")]
    private static partial Regex CheckPattern();

    [GeneratedRegex(@"failed for `[^`]+`\.`([^`]+)`")]
    private static partial Regex CheckTablePattern();

    [GeneratedRegex(@"fails \(`[^`]+`\.`([^`]+)`")]
    private static partial Regex ChildTablePattern();
}
