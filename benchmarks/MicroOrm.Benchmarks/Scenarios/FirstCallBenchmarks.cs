using System;
using System.Diagnostics;
using System.IO;
using BenchmarkDotNet.Attributes;
using MicroOrm.Benchmarks.Infrastructure;

namespace MicroOrm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: a new process that opens a connection, runs one query and exits, timed whole, ten runs each: MicroOrm
/// JIT-compiled and NativeAOT-compiled, hand-written ADO.NET, Dapper and EF Core (JIT). `bash build.sh bench` builds
/// and publishes the programs first.
/// </summary>
[WarmupCount(1)]
[IterationCount(10)]
[InvocationCount(1)]
public class FirstCallBenchmarks
{
    private string _microOrmAssembly = null!;
    private string _microOrmNative = null!;
    private string _peersAssembly = null!;

    [GlobalSetup]
    public void Setup()
    {
        var benchmarks = Path.Combine(BenchmarkSettings.RepositoryRoot(), "benchmarks");
        _microOrmAssembly = Existing(Path.Combine(benchmarks, "MicroOrm.FirstCall", "bin", "Release", "net10.0", "MicroOrm.FirstCall.dll"));
        _microOrmNative = Existing(Path.Combine(benchmarks, "MicroOrm.FirstCall", "bin", "Release", "net10.0", "linux-x64", "publish", "MicroOrm.FirstCall"));
        _peersAssembly = Existing(Path.Combine(benchmarks, "Peers.FirstCall", "bin", "Release", "net10.0", "Peers.FirstCall.dll"));
    }

    [Benchmark(Baseline = true)]
    public void HandWritten() => Run("dotnet", _peersAssembly, "adonet");

    [Benchmark]
    public void MicroOrmJit() => Run("dotnet", _microOrmAssembly);

    [Benchmark]
    public void MicroOrmAot() => Run(_microOrmNative);

    [Benchmark]
    public void Dapper() => Run("dotnet", _peersAssembly, "dapper");

    [Benchmark]
    public void EfCore() => Run("dotnet", _peersAssembly, "efcore");

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !output.StartsWith("State 1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {output}{errors}");
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run the benchmarks with `bash build.sh bench`, which builds and publishes it first.", path);
}
