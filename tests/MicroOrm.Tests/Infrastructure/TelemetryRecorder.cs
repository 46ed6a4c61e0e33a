using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using MicroOrm.Diagnostics;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// Listens to MicroOrm's ActivitySource and Meter like an OpenTelemetry SDK would, keeping only what concerns one
/// database (test classes run in parallel, each on its own database).
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly string _database;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryRecorder(string database)
    {
        _database = database;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MicroOrmTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("db.namespace"), _database)) _stopped.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MicroOrmTelemetry.SourceName) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    /// <summary>Every tag value and event of every activity, for searching.</summary>
    public string AllText => string.Join("\n", Activities.Select(a =>
        a.DisplayName + " " + a.StatusDescription + " " + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")) +
        string.Join(" ", a.Events.Select(e => e.Name + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))))));

    public void Clear()
    {
        _stopped.Clear();
        _measurements.Clear();
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        if (Equals(copy.GetValueOrDefault("db.namespace"), _database)) _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
