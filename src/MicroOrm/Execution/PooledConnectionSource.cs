using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>Leases a pooled connection from a <see cref="MySqlDataSource"/> for each operation.</summary>
internal sealed class PooledConnectionSource : ConnectionSource
{
    private readonly MySqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    public PooledConnectionSource(MySqlDataSource dataSource, bool ownsDataSource)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        DatabaseName = new MySqlConnectionStringBuilder(dataSource.ConnectionString).Database;
    }

    public override string DatabaseName { get; }

    internal override async ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectionLease(connection, transaction: null, closeOnRelease: true);
    }

    public override ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;
}
