using System;
using System.Diagnostics;
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
}
