using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm.Servers;

/// <summary>
/// Picks the server to run against, in this order: the connection string in <c>MICROORM_CONNECTION_STRING</c>; then
/// each extra provider given (the tests pass one that runs MySQL in Docker through Testcontainers when a Docker engine
/// answers); then a <see cref="ThrowawayServer"/> started from this machine's MariaDB or MySQL binaries.
/// </summary>
public static class ServerLocator
{
    /// <summary>The environment variable that names an existing server.</summary>
    public const string EnvironmentVariable = "MICROORM_CONNECTION_STRING";

    /// <summary>Returns the first server available; throws a <see cref="ServerUnavailableException"/> that says how to get one.</summary>
    public static async Task<IDatabaseServer> AcquireAsync(
        IEnumerable<Func<CancellationToken, Task<IDatabaseServer?>>>? providers = null,
        ThrowawayServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var external = new ExternalServer(fromEnvironment, EnvironmentVariable);
            await external.VerifyAsync(cancellationToken).ConfigureAwait(false);
            return external;
        }

        foreach (var provider in providers ?? Array.Empty<Func<CancellationToken, Task<IDatabaseServer?>>>())
        {
            if (await provider(cancellationToken).ConfigureAwait(false) is { } server) return server;
        }

        return await ThrowawayServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
