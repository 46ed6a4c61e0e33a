using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using MicroOrm.Benchmarks.Infrastructure;

// bash build.sh bench [--quick] [--cpu] [BenchmarkDotNet options, e.g. --filter *PointQuery*] | bash build.sh bench --table
var quick = args.Contains("--quick");
var cpu = args.Contains("--cpu");
var arguments = args.Where(a => a is not "--quick" and not "--cpu").ToArray();
if (args.Contains("--table"))
{
    // No server needed: the README's tables from the reports of the last full run (and of --cpu, when there is one).
    Console.Write(ReadmeTables.Write(Path.Combine(BenchmarkSettings.RepositoryRoot(), "benchmarks", "results")));
    return;
}

await using var server = await BenchmarkDatabase.PrepareAsync();
var pinned = CpuPinning.Separate(server);
if (cpu)
{
    // The harness runs in this process, so this process takes the benchmark processes' cores.
    if (pinned is { } mask) CpuPinning.PinThisProcess(mask);
    // BenchmarkDotNet's --filter takes one or more patterns, up to the next option.
    var filters = arguments.SkipWhile(a => a is not ("--filter" or "-f")).Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
    var folder = quick ? Path.Combine(BenchmarkSettings.RepositoryRoot(), "artifacts", "benchmarks-quick") : Path.Combine(BenchmarkSettings.RepositoryRoot(), "benchmarks", "results");
    Console.WriteLine($"// cpu table: {await CpuTimeHarness.RunAsync(quick, filters, folder)}");
    return;
}

// Without a filter BenchmarkDotNet asks which benchmarks to run; the suite's default is all of them.
if (!arguments.Any(a => a is "--filter" or "-f")) arguments = [.. arguments, "--filter", "*"];
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkDatabase).Assembly).Run(arguments, BenchmarkSettings.Create(quick, pinned));
