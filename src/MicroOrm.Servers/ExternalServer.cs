using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>A server someone else runs, reached through a connection string; nothing is started or stopped.</summary>
public sealed class ExternalServer : IDatabaseServer
{
    public ExternalServer(string connectionString, string origin)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        ConnectionString = builder.ConnectionString;
        Description = $"{builder.Server}:{builder.Port} ({origin})";
    }

    public string ConnectionString { get; }

    public string Description { get; }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
