using System.IO;
using BenchmarkDotNet.Columns;
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
/// The two ways the suite runs. Full: BenchmarkDotNet's default job (separate processes, its own iteration counts),
/// allocations measured, results as GitHub markdown and CSV in benchmarks/results. Quick: a short in-process job (one
/// warm-up, three iterations) of every benchmark, a smoke run that proves they all work (CI runs it); its error bars
/// are too wide to compare contenders.
/// </summary>
public static class BenchmarkSettings
{
    public static IConfig Create(bool quick, System.IntPtr? affinity)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, RankColumn.Arabic)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            // Published numbers come from full runs only; a quick run's go where they cannot be mistaken for them.
            .WithArtifactsPath(quick ? Path.Combine(RepositoryRoot(), "artifacts", "benchmarks-quick") : Path.Combine(RepositoryRoot(), "benchmarks", "results"));
        var job = quick
            ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("quick")
            : Job.Default.WithId("full");
        return config.AddJob(affinity is { } mask ? job.WithAffinity(mask) : job);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MicroOrm.sln"))) folder = folder.Parent;
        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
