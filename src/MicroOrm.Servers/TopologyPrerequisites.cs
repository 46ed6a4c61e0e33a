using System;
using System.IO;
using System.Security.Cryptography;

namespace MicroOrm.Servers;

/// <summary>
/// What every throwaway topology needs before it starts anything, checked up front so that a machine without it gets
/// one <see cref="ServerUnavailableException"/> naming what is missing (the tests skip on it), while a topology that
/// has everything and still does not come up fails with an <see cref="InvalidOperationException"/> (the tests fail on it).
/// </summary>
internal static class TopologyPrerequisites
{
    /// <summary>MariaDB's server program: replication by GTID and Galera are MariaDB's, MySQL's <c>mysqld</c> does not do.</summary>
    public static ServerBinaries RequireMariaDb(ThrowawayServerOptions options, string topology, string howToGet)
    {
        var binaries = ServerBinaries.Find(options.ProgramFolders) ?? throw new ServerUnavailableException(
            $"A throwaway {topology} needs MariaDB's server program (mariadbd), and no MySQL or MariaDB server program is installed on this machine. {howToGet}");
        if (!binaries.IsMariaDb)
        {
            throw new ServerUnavailableException(
                $"A throwaway {topology} needs MariaDB's server program (mariadbd); this machine has MySQL's {binaries.Server}. {howToGet}");
        }

        return binaries;
    }

    /// <summary>A folder can be made (and removed) where the nodes' data folders go.</summary>
    public static string RequireTemporaryRoot(ThrowawayServerOptions options, string topology)
    {
        var root = options.TemporaryRoot ?? Path.GetTempPath();
        var probe = Path.Combine(root, "microorm-probe-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant());
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return root;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ServerUnavailableException(
                $"A throwaway {topology} cannot create its data folders in {root}: {exception.Message}. Point TMPDIR at a writable folder.", exception);
        }
    }

    /// <summary>The program's path, found on PATH, where the server's scripts will look for it too; <see langword="null"/> when it is not there.</summary>
    public static string? FindOnPath(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
