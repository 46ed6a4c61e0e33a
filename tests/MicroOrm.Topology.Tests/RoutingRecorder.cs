using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using MicroOrm.Diagnostics;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// Listens to MicroOrm's routing counter and records each decision for one database (by its name, so parallel tests
/// on other databases do not count): the port of the server a read went to, its role, and why.
/// </summary>
internal sealed class RoutingRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(int Port, string Role, string Reason, DateTime At)> _decisions = [];
    private readonly string _database;

    public RoutingRecorder(string database)
    {
        _database = database;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MicroOrmTelemetry.SourceName && instrument.Name is MicroOrmTelemetry.RoutingDecisions or MicroOrmTelemetry.Retries or MicroOrmTelemetry.Failovers)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? database = null, role = null, reason = null;
            var port = 0;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "db.namespace": database = tag.Value as string; break;
                    case "server.port": port = Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case "microorm.route": role = tag.Value as string; break;
                    case "microorm.route.reason": reason = tag.Value as string; break;
                }
            }

            if (database != _database) return;
            var kind = instrument.Name switch
            {
                MicroOrmTelemetry.Retries => "retry",
                MicroOrmTelemetry.Failovers => "failover",
                _ => role ?? "?",
            };
            lock (_decisions) _decisions.Add((port, kind, reason ?? "", DateTime.UtcNow));
        });
        _listener.Start();
    }

    public List<(int Port, string Role, string Reason, DateTime At)> Decisions
    {
        get
        {
            lock (_decisions) return [.. _decisions];
        }
    }

    public int Count(string role, int? port = null) => Decisions.Count(d => d.Role == role && (port is null || d.Port == port));

    public void Clear()
    {
        lock (_decisions) _decisions.Clear();
    }

    public void Dispose() => _listener.Dispose();
}
