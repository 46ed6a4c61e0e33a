using System.IO;
using BenchmarkDotNet.Columns;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// The two ways the suite runs. Full: separate processes with fixed counts (<see cref="WarmupCount"/> warm-up and
/// <see cref="IterationCount"/> measured iterations of about half a second each, one launch; the [Headline] scenarios
/// <see cref="HeadlineLaunches"/> launches of <see cref="HeadlineIterations"/>), allocations measured, results as
/// GitHub markdown and CSV in benchmarks/results. Fixed counts rather than BenchmarkDotNet's adaptive ones, which on a
/// noisy 2-core machine run to their maximum of 100 and make the suite's length unpredictable. Quick: a short
/// in-process job (one warm-up, three iterations of 100 ms) of every benchmark, a smoke run that proves they all work (CI runs
/// it); its error bars are too wide to compare contenders.
/// </summary>
public static class BenchmarkSettings
{
    public const int WarmupCount = 6;
    public const int IterationCount = 20;
    public const int HeadlineLaunches = 3;
    public const int HeadlineIterations = 15;

    /// <summary>Whether this is the quick run (read by <see cref="HeadlineAttribute"/>, in the host process).</summary>
    public static bool Quick { get; private set; }

    public static IConfig Create(bool quick, System.IntPtr? affinity)
    {
        Quick = quick;
        var config = ManualConfig.CreateMinimumViable()
            .AddDiagnoser(MemoryDiagnoser.Default)
            // The median with its interquartile range, so that a claim like "within 5%" can be checked against the
            // spread, and the ratio of medians the published tables quote.
            .AddColumn(StatisticColumn.Median, StatisticColumn.Q1, StatisticColumn.Q3, MedianRatioColumn.Instance, RankColumn.Arabic)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            // Allocated bytes exact, not rounded to KB or MB.
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend).WithSizeUnit(SizeUnit.B))
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            // Published numbers come from full runs only; a quick run's go where they cannot be mistaken for them.
            .WithArtifactsPath(quick ? Path.Combine(RepositoryRoot(), "artifacts", "benchmarks-quick") : Path.Combine(RepositoryRoot(), "benchmarks", "results"));
        var job = quick
            // Iterations of 100 ms rather than the default 500: it only has to prove every benchmark runs, and CI's time
            // must not grow with the number of rows.
            ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithToolchain(InProcessEmitToolchain.Instance).WithId("quick")
            : Job.Default.WithWarmupCount(WarmupCount).WithIterationCount(IterationCount).WithId("full");
        return config.AddJob(affinity is { } mask ? job.WithAffinity(mask) : job);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MicroOrm.sln"))) folder = folder.Parent;
        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
