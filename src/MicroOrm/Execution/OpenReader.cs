using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// A data reader with the command and connection lease it depends on, released together. The command's telemetry
/// scope stays open while the result sets are read, and closes with the rows read or the failure.
/// </summary>
internal sealed class OpenReader(CommandExecutor executor, RunningCommand run, MySqlDataReader reader, CommandRequest request)
{
    private bool _ended;
    private bool _released;

    public MySqlDataReader Reader { get; } = reader;

    public SqlStatement Statement => request.Statement;

    /// <summary>Rows read so far, over every result set.</summary>
    public long RowsRead { get; set; }

    /// <summary>Guards one read against the caller's token and the command timeout.</summary>
    public CommandGuard? Guard(CancellationToken cancellationToken) => CommandGuard.Start(run.Command, cancellationToken, executor.Source.CommandTimeoutSeconds);

    /// <summary>Records a failure while reading and throws what the caller should see; returns when the exception is to be rethrown as it is.</summary>
    public void Failed(CommandGuard? guard, Exception exception, CancellationToken cancellationToken)
    {
        var recorded = _ended ? default : run.Scope;
        _ended = true;
        executor.Failed(recorded, guard, exception, Statement, null, cancellationToken);
    }

    /// <summary>
    /// Reads past the result sets the caller left unread, so that a later statement's failure is thrown rather than
    /// lost, then releases the reader, the command and the lease whatever happened.
    /// </summary>
    public async ValueTask DisposeAsync(IOBehavior io)
    {
        if (_released) return;
        _released = true;
        try
        {
            if (!_ended)
            {
                _ended = true;
                if (!await executor.FinishEarlyAsync(Reader, run.Scope, null, request, io).ConfigureAwait(false)) run.Scope.Executed(run.Scope.Succeeded(RowsRead, written: false));
            }
        }
        finally
        {
            await CommandExecutor.DisposeQuietlyAsync(Reader, io).ConfigureAwait(false);
            await CommandExecutor.ReleaseAsync(run, io).ConfigureAwait(false);
        }
    }
}
