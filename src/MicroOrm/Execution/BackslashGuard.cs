using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.SqlBuilding;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// Keeps backslashes in values safe whatever the session's <c>sql_mode</c>. MySqlConnector writes values into the SQL
/// it sends, escaping a backslash only when its <c>NoBackslashEscapes</c> option is off. If that option disagrees with
/// the session, a backslash is mis-escaped: stored doubled (option off, session NO_BACKSLASH_ESCAPES), or worse, left
/// unescaped where the server reads it as an escape (option on, session without the mode), so that <c>\'</c> ends the
/// string and what follows runs as SQL. Before a command that carries a backslash in any value, the guard checks that
/// the session and the option agree, and refuses to send the command when they do not. What it learns is kept per
/// session (by server thread id) for pools MicroOrm builds, which hear from MySqlConnector when a new physical session
/// opens; sessions of a data source or connection the caller lends are checked every time.
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
    public async ValueTask CheckAsync(MySqlConnection connection, MySqlTransaction? transaction, SqlStatement statement, IOBehavior io, CancellationToken cancellationToken)
    {
        if (!CarriesBackslash(statement)) return;
        if (MentionsSqlMode(statement))
        {
            // The values are escaped for the mode the session has now, but the batch may change it before they are read.
            throw new MicroOrmException(
                "The command changes or reads sql_mode and carries a backslash in a value, which would be escaped for the session's mode before the command runs, not for the mode it may set. Set sql_mode in a command of its own. Nothing was sent.",
                null, statement.Text);
        }

        var sessionHasMode = await SessionHasNoBackslashEscapesAsync(connection, transaction, io, cancellationToken).ConfigureAwait(false);
        if (sessionHasMode == _optionSaysNoBackslashEscapes) return;

        throw new MicroOrmException(sessionHasMode
            ? "The session's sql_mode has NO_BACKSLASH_ESCAPES but the connection string does not say NoBackslashEscapes=true, so a backslash in a value would be stored doubled. Add NoBackslashEscapes=true to the connection string. Nothing was sent."
            : "The connection string says NoBackslashEscapes=true but the session's sql_mode lacks NO_BACKSLASH_ESCAPES, so a backslash in a value would be read as an escape character (an injection risk). Remove NoBackslashEscapes=true, or set the mode. Nothing was sent.",
            null, statement.Text);
    }

    /// <summary>A statement that may have changed the session's sql_mode invalidates what is known about it.</summary>
    public void Forget(MySqlConnection connection, SqlStatement statement)
    {
        if (_cacheBySession && MentionsSqlMode(statement)) _sessions.TryRemove(connection.ServerThread, out _);
    }

    /// <summary>
    /// A new physical session (MySqlConnector's connection-opened callback says so) starts with the server's default
    /// mode, whatever an earlier session with the same thread id had: after a server restart, thread ids start again
    /// from 1, so what is known by id must go.
    /// </summary>
    public void SessionOpened(int serverThread)
    {
        if (_cacheBySession) _sessions.TryRemove(serverThread, out _);
    }

    private static bool MentionsSqlMode(SqlStatement statement) => statement.Text.Contains("sql_mode", StringComparison.OrdinalIgnoreCase);

    private static bool CarriesBackslash(SqlStatement statement)
    {
        var values = statement.ValueArray;
        for (var i = 0; i < values.Length; i++)
        {
            if (CarriesBackslash(values[i])) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether MySqlConnector would write a backslash escape into <paramref name="value"/>, for a backslash or a NUL:
    /// every type it writes as a quoted
    /// string or binary literal (see its <c>MySqlParameter.AppendSqlString</c>). A stream that is not a memory stream
    /// cannot be sent without preparing the command, which MicroOrm does not, so MySqlConnector refuses it itself.
    /// </summary>
    internal static bool CarriesBackslash(object? value) => value switch
    {
        null => false,
        string text => Escaped(text),
        char c => c is '\\' or '\0',
        char[] chars => Escaped(chars),
        StringBuilder builder => Contains(builder),
        ReadOnlyMemory<char> text => Escaped(text.Span),
        Memory<char> text => Escaped(text.Span),
        byte[] bytes => bytes.AsSpan().IndexOfAny(Backslash, Nul) >= 0,
        ReadOnlyMemory<byte> bytes => bytes.Span.IndexOfAny(Backslash, Nul) >= 0,
        Memory<byte> bytes => bytes.Span.IndexOfAny(Backslash, Nul) >= 0,
        ArraySegment<byte> bytes => bytes.AsSpan().IndexOfAny(Backslash, Nul) >= 0,
        MemoryStream stream => stream.TryGetBuffer(out var buffer) ? buffer.AsSpan().IndexOfAny(Backslash, Nul) >= 0 : stream.ToArray().AsSpan().IndexOfAny(Backslash, Nul) >= 0,
        float[] floats => MemoryMarshal.AsBytes(floats.AsSpan()).IndexOfAny(Backslash, Nul) >= 0,
        ReadOnlyMemory<float> floats => MemoryMarshal.AsBytes(floats.Span).IndexOfAny(Backslash, Nul) >= 0,
        Memory<float> floats => MemoryMarshal.AsBytes(floats.Span).IndexOfAny(Backslash, Nul) >= 0,
        MySqlGeometry geometry => geometry.Value.AsSpan().IndexOfAny(Backslash, Nul) >= 0,
        _ => false,
    };

    private const byte Backslash = (byte)'\\';

    /// <summary>MySqlConnector writes a NUL byte as <c>\0</c> too, which a NO_BACKSLASH_ESCAPES session stores as two bytes.</summary>
    private const byte Nul = 0;

    /// <summary>
    /// Text MySqlConnector writes with a backslash escape: a backslash, and NUL, which it writes as <c>\0</c> (a session in
    /// NO_BACKSLASH_ESCAPES would store those two characters instead).
    /// </summary>
    private static bool Escaped(ReadOnlySpan<char> text) => text.IndexOfAny('\\', '\0') >= 0;

    private static bool Contains(StringBuilder builder)
    {
        foreach (var chunk in builder.GetChunks())
        {
            if (Escaped(chunk.Span)) return true;
        }

        return false;
    }

    private async ValueTask<bool> SessionHasNoBackslashEscapesAsync(MySqlConnection connection, MySqlTransaction? transaction, IOBehavior io, CancellationToken cancellationToken)
    {
        if (_cacheBySession && _sessions.TryGetValue(connection.ServerThread, out var known)) return known;
        var has = await QueryModeAsync(connection, transaction, io, cancellationToken).ConfigureAwait(false);
        if (_cacheBySession) _sessions[connection.ServerThread] = has;
        return has;
    }

    internal static async ValueTask<bool> QueryModeAsync(MySqlConnection connection, MySqlTransaction? transaction, IOBehavior io, CancellationToken cancellationToken)
    {
        var command = new MySqlCommand(SessionSql.SqlMode, connection, transaction);
        try
        {
            // A quick read: the token is checked before it, never handed to MySqlConnector (see CommandGuard).
            cancellationToken.ThrowIfCancellationRequested();
            var mode = await Driver.ExecuteScalarAsync(command, io).ConfigureAwait(false) as string ?? "";
            return mode.Contains("NO_BACKSLASH_ESCAPES", StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await Driver.DisposeAsync(command, io).ConfigureAwait(false);
        }
    }
}
