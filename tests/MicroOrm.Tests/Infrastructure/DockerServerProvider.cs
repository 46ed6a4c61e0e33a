using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Testcontainers.MySql;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>MySQL 8 in Docker through Testcontainers, for machines where a Docker engine answers.</summary>
internal static class DockerServerProvider
{
    public static async Task<IDatabaseServer?> TryStartAsync(CancellationToken cancellationToken)
    {
        if (!DockerMayAnswer()) return null;
        var container = new MySqlBuilder("mysql:8.0").WithUsername("root").WithPassword("microorm").Build();
        try
        {
            await container.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"Docker did not start MySQL ({exception.Message}); using a throwaway local server instead.");
            await container.DisposeAsync();
            return null;
        }

        return new ContainerServer(container);
    }

    /// <summary>A cheap look for a Docker engine before asking Testcontainers, which is slow to give up.</summary>
    internal static bool DockerMayAnswer() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    private sealed class ContainerServer : IDatabaseServer
    {
        private readonly MySqlContainer _container;

        public ContainerServer(MySqlContainer container)
        {
            _container = container;
            ConnectionString = new MySqlConnectionStringBuilder(container.GetConnectionString()) { Database = "" }.ConnectionString;
        }

        public string ConnectionString { get; }

        public string Description => "MySQL 8 in Docker (Testcontainers)";

        public ValueTask DisposeAsync() => _container.DisposeAsync();
    }
}
