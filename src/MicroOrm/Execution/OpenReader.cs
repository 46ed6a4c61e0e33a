using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>A data reader with the command and connection lease it depends on, released together.</summary>
internal sealed class OpenReader(ConnectionLease lease, MySqlCommand command, MySqlDataReader reader, SqlStatement statement)
{
    public MySqlDataReader Reader { get; } = reader;

    public SqlStatement Statement { get; } = statement;

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync().ConfigureAwait(false);
        await command.DisposeAsync().ConfigureAwait(false);
        await lease.ReleaseAsync().ConfigureAwait(false);
    }
}
