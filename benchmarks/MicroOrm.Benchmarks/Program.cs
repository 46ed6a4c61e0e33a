using System;
using System.Linq;
using BenchmarkDotNet.Running;
using MicroOrm.Benchmarks.Infrastructure;

// bash build.sh bench [--quick] [BenchmarkDotNet options, e.g. --filter *PointQuery*]
var quick = args.Contains("--quick");
var arguments = args.Where(a => a != "--quick").ToArray();
// Without a filter BenchmarkDotNet asks which benchmarks to run; the suite's default is all of them.
if (!arguments.Any(a => a is "--filter" or "-f")) arguments = [.. arguments, "--filter", "*"];
await using var server = await BenchmarkDatabase.PrepareAsync();
var pinned = CpuPinning.Separate(server);
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkDatabase).Assembly).Run(arguments, BenchmarkSettings.Create(quick, pinned));
