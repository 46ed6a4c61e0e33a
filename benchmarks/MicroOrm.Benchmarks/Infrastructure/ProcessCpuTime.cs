using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// The CPU time this process has used, user plus system, all threads (thread-pool continuations and the GC included),
/// and none of the server's, which runs in its own process. On Linux it is getrusage(RUSAGE_SELF), which the kernel
/// keeps to the microsecond; <see cref="Process.TotalProcessorTime"/> there reads /proc in 10 ms clock ticks, too
/// coarse for rounds of a fraction of a second. Elsewhere it falls back to that.
/// </summary>
public static class ProcessCpuTime
{
    private const int RusageSelf = 0;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && getrusage(RusageSelf, out var usage) == 0)
        {
            var micros = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
            return TimeSpan.FromTicks(micros * 10);
        }

        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    // struct rusage on 64-bit Linux: two struct timevals (ru_utime, ru_stime) of two longs, then fourteen longs that
    // are not read here (144 bytes in all).
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
