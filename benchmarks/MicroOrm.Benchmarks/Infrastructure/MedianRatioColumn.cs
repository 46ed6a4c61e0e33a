using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// The ratio of a row's median to its baseline's median (the hand-written row of the same category and parameters).
/// BenchmarkDotNet's own Ratio compares means, which one slow outlier on a shared machine moves; the published tables
/// quote medians, so the ratio they quote is this one. Q1 and Q3 beside it say how far each median can be trusted.
/// </summary>
public sealed class MedianRatioColumn : IColumn
{
    public static readonly IColumn Instance = new MedianRatioColumn();

    public string Id => nameof(MedianRatioColumn);

    public string ColumnName => "Median Ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => -1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median of the row / median of its baseline (hand-written ADO.NET in the same category and parameters)";

    public bool IsAvailable(Summary summary) => summary.HasBaselines();

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mine = summary[benchmarkCase]?.ResultStatistics?.Median;
        var theirs = baseline is null ? null : summary[baseline]?.ResultStatistics?.Median;
        return mine is { } m && theirs is { } t && t > 0 ? (m / t).ToString("0.00", CultureInfo.InvariantCulture) : "?";
    }

    public override string ToString() => ColumnName;
}
