using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace MicroOrm.Tests.Observability;

/// <summary>
/// The README's OpenTelemetry wiring, run with the SDK's in-memory exporters: MicroOrm's spans and metrics arrive,
/// and MySqlConnector's own span for the same command is a child of MicroOrm's.
/// </summary>
public sealed class OpenTelemetrySdkTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Fact]
    public async Task The_SDK_exports_MicroOrm_spans_with_MySqlConnector_spans_beneath_and_both_libraries_metrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(MicroOrmTelemetry.SourceName, "MySqlConnector")
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(spans)
            .Build())
        using (var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(MicroOrmTelemetry.SourceName, "MySqlConnector")
            .AddInMemoryExporter(metrics)
            .Build())
        {
            await using var db = database.Connect();
            await db.Counters.CountAsync(TestContext.Current.CancellationToken);
            meters.ForceFlush();
        }

        var ours = Assert.Single(spans, s => s.Source.Name == MicroOrmTelemetry.SourceName && Equals(s.GetTagItem("db.namespace"), database.DatabaseName));
        Assert.Equal("SELECT counters", ours.DisplayName);
        Assert.Contains(spans, s => s.Source.Name == "MySqlConnector" && s.ParentSpanId == ours.SpanId);
        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains(MicroOrmTelemetry.OperationDuration, names);
        Assert.Contains(MicroOrmTelemetry.RowsRead, names);
        Assert.Contains(metrics, m => m.MeterName == "MySqlConnector" && m.Name.StartsWith("db.client.connections.", System.StringComparison.Ordinal));
    }
}
