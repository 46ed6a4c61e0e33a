using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using MicroOrm.Diagnostics;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// Counts the commands MicroOrm sends to one database, through its own ActivitySource: the way the tests know how many
/// queries an operation took, without guessing. Other test classes use other databases, so their commands are not counted.
/// </summary>
public sealed class CommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _commands = new();

    public CommandCounter(string databaseName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MicroOrmTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("db.namespace"), databaseName)) _commands.Enqueue((string)activity.GetTagItem("db.query.text")!);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => _commands.Count;

    public string[] Commands => _commands.ToArray();

    /// <summary>Commands other than the ones MicroOrm sends to check the session (BackslashGuard, pool alignment).</summary>
    public int Queries => _commands.Count(c => !c.StartsWith("SELECT @@", StringComparison.Ordinal));

    public void Reset() => _commands.Clear();

    public void Dispose() => _listener.Dispose();
}
