using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using Xunit;

[assembly: AssemblyFixture(typeof(MicroOrm.Migrations.Tests.Infrastructure.ServerFixture))]

namespace MicroOrm.Migrations.Tests.Infrastructure;

/// <summary>The one server of the run: MICROORM_CONNECTION_STRING if set, else a throwaway local MariaDB.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private IDatabaseServer? _server;

    public IDatabaseServer Server => _server ?? throw new InvalidOperationException("The server fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await ServerLocator.AcquireAsync();
        await Console.Error.WriteLineAsync("Testing against " + _server.Description);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
