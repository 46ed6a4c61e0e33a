using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MicroOrm.Servers;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// One topology for a test class, started once before its first test and removed after its last. On a machine that
/// lacks what the topology needs, every test of the class is skipped with the reason the topology gave; a topology
/// that has everything and still does not start fails them.
/// </summary>
public abstract class TopologyFixture<TTopology> : IAsyncLifetime
    where TTopology : class, IAsyncDisposable
{
    private TTopology? _topology;
    private string? _unavailable;

    /// <summary>How long the topology took to start.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>The topology; skips the calling test when this machine cannot run it.</summary>
    public TTopology Topology
    {
        get
        {
            if (_topology is null) Assert.Skip(_unavailable ?? "The topology did not start.");
            return _topology;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            _topology = await StartAsync();
        }
        catch (ServerUnavailableException exception)
        {
            _unavailable = exception.Message;
        }

        StartTime = clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_topology is not null) await _topology.DisposeAsync();
    }

    protected abstract Task<TTopology> StartAsync();
}
