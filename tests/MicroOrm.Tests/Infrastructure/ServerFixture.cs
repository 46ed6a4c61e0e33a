using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using Xunit;

[assembly: AssemblyFixture(typeof(MicroOrm.Tests.Infrastructure.ServerFixture))]

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// The one server of the test run: MICROORM_CONNECTION_STRING if set, else MySQL in Docker when a Docker engine
/// answers, else a throwaway local MariaDB. With none of them, every test fails with one message that says how to get one.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private IDatabaseServer? _server;

    public IDatabaseServer Server => _server ?? throw new InvalidOperationException("The server fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await ServerLocator.AcquireAsync([DockerServerProvider.TryStartAsync]);
        await Console.Error.WriteLineAsync("Testing against " + _server.Description);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
