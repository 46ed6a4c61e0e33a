using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace MicroOrm.Migrations.Tests.Infrastructure;

/// <summary>
/// Shop.Migrator as its own process: it applies Shop.V3's embedded migrations and prints a line per step it ran and
/// recorded; told a point, it stops there and waits to be killed.
/// </summary>
internal sealed class Migrator : IAsyncDisposable
{
    private static readonly string Assembly = Path.GetFullPath(typeof(Migrator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MigratorAssembly").Value!);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Migrator(string connectionString, string? pauseAt)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Assembly);
        start.ArgumentList.Add(connectionString);
        if (pauseAt is not null) start.ArgumentList.Add(pauseAt);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_lines) _lines.Add(e.Data);
            if (e.Data.StartsWith("paused ", StringComparison.Ordinal)) _paused.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_errors) _errors.AppendLine(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What it printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    public static Migrator Start(string connectionString, string? pauseAt = null) => new(connectionString, pauseAt);

    /// <summary>Waits until it says it paused, then kills it, as a crash or a deployment's kill would end it.</summary>
    public async Task KillWhenPausedAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_paused.Task, exited).WaitAsync(TimeSpan.FromMinutes(2));
        if (first != _paused.Task) throw new InvalidOperationException($"The migrator ended (exit code {_process.ExitCode}) instead of pausing: {string.Join(" / ", Lines)} {_errors}");
        _process.Kill(entireProcessTree: true);
        await exited.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for it to end; returns its exit code.</summary>
    public async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        _process.WaitForExit(); // the last lines of output are delivered once the stream closes
        return _process.ExitCode;
    }

    public string Errors
    {
        get
        {
            lock (_errors) return _errors.ToString();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
