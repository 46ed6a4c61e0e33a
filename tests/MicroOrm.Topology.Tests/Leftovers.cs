using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace MicroOrm.Topology.Tests;

/// <summary>What a removed topology could have left behind: folders, and processes that still name them.</summary>
internal static class Leftovers
{
    /// <summary>
    /// Every folder that still exists, and every process whose command line names one of the folders: servers, their
    /// watchdog shells, the state transfer scripts and the rsync daemons they start.
    /// </summary>
    public static List<string> Of(IReadOnlyCollection<string> folders)
    {
        var found = folders.Where(Directory.Exists).Select(folder => "folder " + folder).ToList();
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var id) || id == Environment.ProcessId) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (folders.Any(folder => commandLine.Contains(folder, StringComparison.Ordinal)))
            {
                found.Add($"process {id}: {commandLine[..Math.Min(200, commandLine.Length)]}");
            }
        }

        return found;
    }

    /// <summary>Waits for nothing to be left, as a watchdog may still be finishing its cleanup; returns what is left at the end.</summary>
    public static async Task<List<string>> AfterAsync(IReadOnlyCollection<string> folders, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = Of(folders);
            if (left.Count == 0 || clock.Elapsed > timeout) return left;
            await Task.Delay(100);
        }
    }

    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
