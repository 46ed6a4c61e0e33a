using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MicroOrm.Diagnostics;

/// <summary>
/// MicroOrm's tracing and metrics, both named <see cref="SourceName"/>. Every command sent is one <see cref="Activity"/>
/// tagged with OpenTelemetry's database conventions (the query text never carries values), and feeds the
/// instruments of <see cref="Meter"/>. Nothing is recorded when nobody listens.
/// </summary>
public static class MicroOrmTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>MicroOrm</c>.</summary>
    public const string SourceName = "MicroOrm";

    /// <summary>Histogram of command durations, in seconds (OpenTelemetry's <c>db.client.operation.duration</c>).</summary>
    public const string OperationDuration = "db.client.operation.duration";

    /// <summary>Counter of units of work that <c>RunInTransactionAsync</c> ran again after a transient failure.</summary>
    public const string Retries = "microorm.transaction.retries";

    /// <summary>Counter of rows read from result sets.</summary>
    public const string RowsRead = "microorm.rows.read";

    /// <summary>Counter of rows inserted, updated or deleted, as the server reports them.</summary>
    public const string RowsWritten = "microorm.rows.written";

    /// <summary>
    /// Counter of reads routed by a topology, tagged with the server (<c>server.address</c>, <c>server.port</c>), its
    /// role (<c>microorm.route</c>: <c>primary</c> or <c>replica</c>) and why (<c>microorm.route.reason</c>).
    /// </summary>
    public const string RoutingDecisions = "microorm.routing.decisions";

    /// <summary>Counter of failovers: the primary a topology writes to changed (<c>server.address</c> is the new one).</summary>
    public const string Failovers = "microorm.failovers";

    private static readonly string? Version = typeof(MicroOrmTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The activity source every command is traced through.</summary>
    public static ActivitySource ActivitySource { get; } = new(SourceName, Version);

    /// <summary>The meter that holds MicroOrm's instruments.</summary>
    public static Meter Meter { get; } = new(SourceName, Version);

    internal static Histogram<double> DurationHistogram { get; } = Meter.CreateHistogram<double>(
        OperationDuration,
        unit: "s",
        description: "Duration of database client operations.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] });

    internal static Counter<long> RetryCounter { get; } = Meter.CreateCounter<long>(Retries, unit: "{retry}", description: "Units of work run again after a transient failure.");

    internal static Counter<long> RowsReadCounter { get; } = Meter.CreateCounter<long>(RowsRead, unit: "{row}", description: "Rows read from result sets.");

    internal static Counter<long> RoutingCounter { get; } = Meter.CreateCounter<long>(RoutingDecisions, unit: "{read}", description: "Reads routed to a primary or a replica, and why.");

    internal static Counter<long> FailoverCounter { get; } = Meter.CreateCounter<long>(Failovers, unit: "{failover}", description: "Changes of the primary a topology writes to.");

    internal static Counter<long> RowsWrittenCounter { get; } = Meter.CreateCounter<long>(RowsWritten, unit: "{row}", description: "Rows inserted, updated or deleted.");
}
