using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// Reads MySqlConnector's own pool metrics for one pool (<c>db.client.connections.usage</c>, an up-down counter by
/// state, summed from its changes, so the probe must exist before the pool), and the server's
/// <c>Threads_connected</c>: how the tests know that no connection leaked, without guessing.
/// </summary>
public sealed class PoolProbe : IDisposable
{
    private readonly string _poolName;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _usage = new();

    /// <param name="applicationName">The pool's name: the <c>Application Name</c> its connection string sets.</param>
    public PoolProbe(string applicationName)
    {
        _poolName = applicationName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MySqlConnector" && instrument.Name == "db.client.connections.usage") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Record(value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        _listener.Start();
    }

    /// <summary>Connections leased from the pool now.</summary>
    public long Used => Read("used");

    /// <summary>Connections open and idle in the pool now.</summary>
    public long Idle => Read("idle");

    /// <summary>A connection string whose pool this probe watches.</summary>
    public static string Named(string connectionString, string applicationName) =>
        new MySqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;

    /// <summary>The server's <c>Threads_connected</c>, read on a connection outside any pool.</summary>
    public static async Task<long> ThreadsConnectedAsync(string serverConnectionString)
    {
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'THREADS_CONNECTED'", connection);
        // Less this probe's own connection.
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) - 1;
    }

    public void Dispose() => _listener.Dispose();

    private long Read(string state)
    {
        lock (_usage)
        {
            return _usage.GetValueOrDefault(state);
        }
    }

    private void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pool = null;
        string? state = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "pool.name") pool = tag.Value as string;
            if (tag.Key == "state") state = tag.Value as string;
        }

        if (pool != _poolName || state is null) return;
        lock (_usage)
        {
            _usage[state] = _usage.GetValueOrDefault(state) + value;
        }
    }
}
