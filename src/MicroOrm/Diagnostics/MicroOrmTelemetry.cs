using System.Diagnostics;

namespace MicroOrm.Diagnostics;

/// <summary>
/// MicroOrm's tracing: one <see cref="Activity"/> per command sent, from the source named <see cref="SourceName"/>,
/// tagged with OpenTelemetry's database conventions (the query text never carries values).
/// </summary>
public static class MicroOrmTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and <c>Meter</c>: <c>MicroOrm</c>.</summary>
    public const string SourceName = "MicroOrm";

    /// <summary>The activity source every command is traced through.</summary>
    public static ActivitySource ActivitySource { get; } = new(SourceName, typeof(MicroOrmTelemetry).Assembly.GetName().Version?.ToString());
}
