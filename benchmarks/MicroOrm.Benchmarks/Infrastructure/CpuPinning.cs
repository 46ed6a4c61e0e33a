using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using MicroOrm.Servers;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// On a machine with few cores, the server and the benchmark process fighting for the same core is most of the noise.
/// When the run's server is a throwaway one on this machine, it gets the first core and the benchmark processes the
/// others; with a server elsewhere nothing is pinned.
/// </summary>
public static class CpuPinning
{
    /// <summary>Pins the server; returns the affinity mask for the benchmark processes, or <see langword="null"/>.</summary>
    public static IntPtr? Separate(IDatabaseServer server)
    {
        if (server is not ThrowawayServer local || Environment.ProcessorCount < 2 || !OperatingSystem.IsLinux()) return null;
        using var process = Process.GetProcessById(local.ServerProcessId);
        process.ProcessorAffinity = 1;
        var rest = ((1L << Math.Min(Environment.ProcessorCount, 63)) - 1) & ~1L;
        Console.WriteLine($"// server pinned to CPU 0, benchmarks to mask 0x{rest:x}");
        return new IntPtr(rest);
    }

    /// <summary>
    /// Pins every thread of this process to <paramref name="mask"/> (the --cpu harness runs here, not in a benchmark
    /// process). On Linux <see cref="Process.ProcessorAffinity"/> sets only the main thread's affinity; the thread
    /// pool's threads that exist already keep theirs, and new threads inherit their creator's, so each is set here.
    /// </summary>
    public static void PinThisProcess(IntPtr mask)
    {
        if (!OperatingSystem.IsLinux()) return;
        var bits = (ulong)mask.ToInt64();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), out var thread)) sched_setaffinity(thread, sizeof(ulong), ref bits);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int thread, nint size, ref ulong mask);
}
