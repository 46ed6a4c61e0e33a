using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Keeps backslashes in values safe whatever the session's <c>sql_mode</c>. MySqlConnector writes values into the SQL
/// it sends, escaping a backslash only when its <c>NoBackslashEscapes</c> option is off. If that option disagrees with
/// the session, a backslash is mis-escaped: stored doubled (option off, session NO_BACKSLASH_ESCAPES), or worse, left
/// unescaped where the server reads it as an escape (option on, session without the mode), so that <c>\'</c> ends the
/// string and what follows runs as SQL. Before a command that carries a backslash in any value, the guard checks that
/// the session and the option agree, and refuses to send the command when they do not.
/// </summary>
internal sealed class BackslashGuard
{
    private readonly bool _optionSaysNoBackslashEscapes;
    private readonly bool _cacheBySession;
    private readonly ConcurrentDictionary<int, bool> _sessions = new();

    public BackslashGuard(bool optionSaysNoBackslashEscapes, bool cacheBySession)
    {
        _optionSaysNoBackslashEscapes = optionSaysNoBackslashEscapes;
        _cacheBySession = cacheBySession;
    }

    /// <summary>Throws before anything is sent when a value holds a backslash and the session's mode disagrees with the option.</summary>
    public async ValueTask CheckAsync(MySqlConnection connection, MySqlTransaction? transaction, SqlStatement statement, CancellationToken cancellationToken)
    {
        if (!CarriesBackslash(statement)) return;
        var sessionHasMode = await SessionHasNoBackslashEscapesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (sessionHasMode == _optionSaysNoBackslashEscapes) return;

        throw new MicroOrmException(sessionHasMode
            ? "The session's sql_mode has NO_BACKSLASH_ESCAPES but the connection string does not say NoBackslashEscapes=true, so a backslash in a value would be stored doubled. Add NoBackslashEscapes=true to the connection string. Nothing was sent."
            : "The connection string says NoBackslashEscapes=true but the session's sql_mode lacks NO_BACKSLASH_ESCAPES, so a backslash in a value would be read as an escape character (an injection risk). Remove NoBackslashEscapes=true, or set the mode. Nothing was sent.",
            null, statement.Text);
    }

    /// <summary>A statement that may have changed the session's sql_mode invalidates what is known about it.</summary>
    public void Forget(MySqlConnection connection, SqlStatement statement)
    {
        if (_cacheBySession && statement.Text.Contains("sql_mode", StringComparison.OrdinalIgnoreCase))
        {
            _sessions.TryRemove(connection.ServerThread, out _);
        }
    }

    private static bool CarriesBackslash(SqlStatement statement)
    {
        foreach (var value in statement.Values)
        {
            switch (value)
            {
                case string text when text.Contains('\\'):
                case char c when c == '\\':
                case byte[] bytes when Array.IndexOf(bytes, (byte)'\\') >= 0:
                    return true;
            }
        }

        return false;
    }

    private async ValueTask<bool> SessionHasNoBackslashEscapesAsync(MySqlConnection connection, MySqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_cacheBySession && _sessions.TryGetValue(connection.ServerThread, out var known)) return known;
        var has = await QueryModeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (_cacheBySession) _sessions[connection.ServerThread] = has;
        return has;
    }

    internal static async Task<bool> QueryModeAsync(MySqlConnection connection, MySqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SELECT @@SESSION.sql_mode", connection, transaction);
        // A quick read: the token is checked before it, never handed to MySqlConnector (see CommandGuard).
        cancellationToken.ThrowIfCancellationRequested();
        var mode = await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) as string ?? "";
        return mode.Contains("NO_BACKSLASH_ESCAPES", StringComparison.OrdinalIgnoreCase);
    }
}
