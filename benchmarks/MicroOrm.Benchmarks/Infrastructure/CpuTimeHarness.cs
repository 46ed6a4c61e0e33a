using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MicroOrm.Benchmarks.Scenarios;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// Client-process CPU time per operation (bash build.sh bench --cpu): BenchmarkDotNet times the wall clock, and on
/// this setup most of a query's wall time is the server's (another process) and the network, so a library's own cost
/// hides in it. This runs the same scenario classes and [Benchmark] methods, each in a loop for a fixed time after a
/// warm-up, reads this process's CPU time around each round (<see cref="ProcessCpuTime"/>), and writes the medians with
/// their range and the ratio to the hand-written row of the same category and parameters as a markdown table.
/// First call is left out: its work is done by the child processes it starts. build.sh turns the thread pool's
/// spin-waiting off for it: idle workers otherwise spin for a while before they sleep, and on a query that waits for
/// the server that spinning fills the wait, so every async contender's CPU time came out close to its wall time.
/// </summary>
public static class CpuTimeHarness
{
    private sealed record Settings(TimeSpan Warmup, TimeSpan Round, int Rounds);

    private sealed record Row(string Scenario, string Method, string Category, string Parameters, bool Baseline, double[] CpuMicros, double[] WallMicros)
    {
        public double Cpu => Median(CpuMicros);

        public double Wall => Median(WallMicros);
    }

    public static async Task<string> RunAsync(bool quick, IReadOnlyList<string> filters, string folder)
    {
        var settings = quick
            ? new Settings(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100), 3)
            : new Settings(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), 5);
        var patterns = (filters.Count == 0 ? ["*"] : filters).Select(Glob).ToList();
        var rows = new List<Row>();
        var types = typeof(CpuTimeHarness).Assembly.GetTypes()
            // First call's work is done by the processes it starts; a bulk load needs new rows before each operation
            // ([IterationSetup]) and takes seconds, longer than a round here.
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t != typeof(FirstCallBenchmarks) && t != typeof(BulkInsertBenchmarks) && Benchmarks(t).Any())
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var methods = Benchmarks(type).Where(m => patterns.Any(p => p.IsMatch($"{type.FullName}.{m.Name}"))).ToList();
            if (methods.Count == 0) continue;
            foreach (var parameters in ParameterSets(type))
            {
                var instance = Activator.CreateInstance(type)!;
                foreach (var (property, value) in parameters) property.SetValue(instance, value);
                Invoke<GlobalSetupAttribute>(type, instance);
                try
                {
                    // Every method once before any is measured: the first one measured would otherwise pay for the
                    // tier-up of the code they share (MySqlConnector's, the runtime's).
                    foreach (var method in methods) await RunForAsync(Operation(instance, method), settings.Warmup);
                    foreach (var method in methods)
                    {
                        var (cpu, wall) = await MeasureAsync(instance, method, settings);
                        var attribute = method.GetCustomAttribute<BenchmarkAttribute>()!;
                        var category = string.Join(",", method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories ?? []);
                        var text = string.Join(", ", parameters.Select(p => $"{p.Property.Name}={p.Value}"));
                        var row = new Row(type.Name, method.Name, category, text, attribute.Baseline, cpu, wall);
                        rows.Add(row);
                        Console.WriteLine($"// cpu {type.Name}.{method.Name} {text}: {row.Cpu:0.0} µs/op CPU, {row.Wall:0.0} µs/op wall");
                    }
                }
                finally
                {
                    Invoke<GlobalCleanupAttribute>(type, instance);
                }
            }
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cpu-per-operation.md");
        await File.WriteAllTextAsync(path, Table(rows, settings));
        return path;
    }

    private static IEnumerable<MethodInfo> Benchmarks(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .OrderBy(m => m.GetCustomAttribute<BenchmarkAttribute>()!.SourceCodeLineNumber);

    /// <summary>Every combination of the type's [Params] values, as BenchmarkDotNet runs them.</summary>
    private static List<List<(PropertyInfo Property, object? Value)>> ParameterSets(Type type)
    {
        var sets = new List<List<(PropertyInfo, object?)>> { new() };
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
        {
            var values = property.GetCustomAttribute<ParamsAttribute>()!.Values;
            sets = sets.SelectMany(set => values.Select(v => new List<(PropertyInfo, object?)>(set) { (property, v) })).ToList();
        }

        return sets;
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null)) method.Invoke(instance, null);
    }

    /// <summary>A warm-up (tiered JIT reaches its final code), then rounds of a fixed length: CPU and wall µs per operation of each.</summary>
    private static async Task<(double[] Cpu, double[] Wall)> MeasureAsync(object instance, MethodInfo method, Settings settings)
    {
        var operation = Operation(instance, method);
        await RunForAsync(operation, settings.Warmup);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = new double[settings.Rounds];
        var wall = new double[settings.Rounds];
        for (var round = 0; round < settings.Rounds; round++)
        {
            var cpuBefore = ProcessCpuTime.Now();
            var clock = Stopwatch.StartNew();
            var operations = await RunForAsync(operation, settings.Round);
            var elapsed = clock.Elapsed;
            var used = ProcessCpuTime.Now() - cpuBefore;
            cpu[round] = used.TotalMicroseconds / operations;
            wall[round] = elapsed.TotalMicroseconds / operations;
        }

        return (cpu, wall);
    }

    /// <summary>Runs the operation until <paramref name="length"/> has passed and at least three operations are done; returns how many ran.</summary>
    private static async Task<long> RunForAsync(Func<Task?> operation, TimeSpan length)
    {
        var clock = Stopwatch.StartNew();
        long operations = 0;
        while (operations < 3 || clock.Elapsed < length)
        {
            // Checked every 8 operations: the clock costs little, but not nothing beside an in-memory benchmark.
            for (var i = 0; i < 8; i++)
            {
                if (operation() is { } task) await task;
            }

            operations += 8;
        }

        return operations;
    }

    /// <summary>The benchmark method as a call that returns its task, or null when it is synchronous.</summary>
    private static Func<Task?> Operation(object instance, MethodInfo method)
    {
        if (typeof(Task).IsAssignableFrom(method.ReturnType)) return method.CreateDelegate<Func<Task>>(instance);
        if (method.ReturnType == typeof(void))
        {
            var action = method.CreateDelegate<Action>(instance);
            return () => { action(); return null; };
        }

        // Reference results bind as Func<object> (return type covariance); value results go through reflection, whose
        // cost (tens of nanoseconds) is far below any operation here.
        if (!method.ReturnType.IsValueType)
        {
            var call = method.CreateDelegate<Func<object?>>(instance);
            return () => { call(); return null; };
        }

        return () => { method.Invoke(instance, null); return null; };
    }

    private static string Table(List<Row> rows, Settings settings)
    {
        var text = new StringBuilder();
        text.AppendLine("# Client-process CPU time per operation").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`bash build.sh bench --cpu`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}. ")
            .AppendLine(CultureInfo.InvariantCulture, $"Each method: {settings.Warmup.TotalSeconds:0.#} s warm-up, then {settings.Rounds} rounds of {settings.Round.TotalSeconds:0.#} s; CPU is this process's user + system time")
            .AppendLine("(all threads, GC included; the server's own process is not counted) divided by the operations of the round. Median of the")
            .AppendLine("rounds, their minimum and maximum, and the ratio of medians to the hand-written row of the same category and parameters.")
            .AppendLine("Wall is the same rounds' elapsed time per operation; CPU / wall is the share of it the client spent computing.")
            .AppendLine(CultureInfo.InvariantCulture, $"Thread-pool spin-waiting: {(SpinningOff ? "off (DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0, as build.sh sets it), so idle workers do not count as work" : "ON: idle thread-pool workers spin and their spinning counts as CPU; run through bash build.sh bench --cpu")}.")
            .AppendLine();
        text.AppendLine("| Scenario | Method | Category | Params | CPU µs/op | CPU min–max | CPU ratio | Wall µs/op | CPU / wall |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var baseline = rows.FirstOrDefault(b => b.Baseline && b.Scenario == row.Scenario && b.Category == row.Category && b.Parameters == row.Parameters);
            var ratio = baseline is null ? "?" : (row.Cpu / baseline.Cpu).ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Method} | {row.Category} | {row.Parameters} | {row.Cpu:0.0} | {row.CpuMicros.Min():0.0}–{row.CpuMicros.Max():0.0} | {ratio} | {row.Wall:0.0} | {row.Cpu / row.Wall:0.00} |");
        }

        return text.ToString();
    }

    private static bool SpinningOff => Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") == "0";

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A BenchmarkDotNet-style filter (* and ? wildcards) over "Namespace.Type.Method".</summary>
    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase);
}
