using System;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// A data reader with the command and connection lease it depends on, released together. The command's telemetry
/// scope stays open while the result sets are read, and closes with the rows read or the failure.
/// </summary>
internal sealed class OpenReader(ConnectionLease lease, MySqlCommand command, MySqlDataReader reader, SqlStatement statement, CommandScope scope, bool sensitive)
{
    private bool _ended;

    public MySqlDataReader Reader { get; } = reader;

    public SqlStatement Statement { get; } = statement;

    /// <summary>Rows read so far, over every result set.</summary>
    public long RowsRead { get; set; }

    /// <summary>Records a failure while reading; a server error comes back as the exception to throw instead.</summary>
    public Exception Failed(Exception exception)
    {
        var thrown = exception is MySqlException server ? ServerErrors.Translate(server, Statement, null, sensitive) : exception;
        if (!_ended) scope.Failed(thrown);
        _ended = true;
        return thrown;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended) scope.Succeeded(RowsRead, written: false);
        _ended = true;
        await Reader.DisposeAsync().ConfigureAwait(false);
        await command.DisposeAsync().ConfigureAwait(false);
        await lease.ReleaseAsync().ConfigureAwait(false);
    }
}
