using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace MicroOrm.Demo.Tests;

/// <summary>Runs the built demo as its own process and captures exactly what it printed.</summary>
internal static class DemoRunner
{
    public static string DemoAssembly { get; } = Metadata("DemoAssembly");

    public static string DemoProject { get; } = Metadata("DemoProject");

    public static Task<DemoResult> RunAsync(params string[] arguments) => RunProgramAsync("dotnet", [DemoAssembly, .. arguments]);

    public static async Task<DemoResult> RunProgramAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The demo must not pick up a server from the test run's environment.
        start.Environment.Remove(Servers.ServerLocator.EnvironmentVariable);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
        return new DemoResult(process.ExitCode, await output, await errors);
    }

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(DemoRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}

internal sealed record DemoResult(int ExitCode, string Output, string Errors)
{
    /// <summary>The SQL commands the demo reported sending, with <c>--trace</c>.</summary>
    public string[] Commands => Errors.Split('\n').Where(l => l.StartsWith("-- sql: ", StringComparison.Ordinal)).ToArray();
}
