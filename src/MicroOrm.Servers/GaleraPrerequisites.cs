using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace MicroOrm.Servers;

/// <summary>
/// What a throwaway Galera cluster needs besides MariaDB, found (or found missing) before anything starts: the Galera
/// provider library, the rsync state transfer's script and the programs it runs, and, when this process is root, an
/// unprivileged account to run the nodes as.
/// </summary>
/// <param name="Provider">The Galera provider library, <c>libgalera_smm.so</c>.</param>
/// <param name="Account">The account the nodes run as when this process is root; <see langword="null"/> otherwise.</param>
internal sealed record GaleraPrerequisites(string Provider, string? Account)
{
    private const string Topology = "Galera cluster";
    private const string ProviderFile = "libgalera_smm.so";

    /// <summary>The provider's folders under a prefix (/usr, /usr/local, MariaDB's own), by distribution and Galera version.</summary>
    private static readonly string[] ProviderFolders = ["lib/galera", "lib/galera-4", "lib64/galera-4", "lib64/galera", "lib", "lib64"];

    /// <summary>Checks everything, in the order a user would install it, and says what is missing first.</summary>
    public static GaleraPrerequisites Check(ThrowawayServerOptions options)
    {
        var howToGet = ThrowawayGaleraCluster.HowToGetIt;
        var binaries = TopologyPrerequisites.RequireMariaDb(options, Topology, howToGet);
        var root = TopologyPrerequisites.RequireTemporaryRoot(options, Topology);

        var searched = ProviderCandidates(binaries).ToList();
        var provider = searched.FirstOrDefault(File.Exists) ?? throw new ServerUnavailableException(
            $"A throwaway {Topology} needs the Galera provider library ({ProviderFile}), and it is in none of {string.Join(", ", searched.Select(Path.GetDirectoryName).Distinct())}. {howToGet}");

        // mariadbd runs its state transfer script from its own folders first, then from PATH.
        var serverBin = Path.GetDirectoryName(binaries.Server)!;
        if (!new[] { serverBin, Path.Combine(Path.GetDirectoryName(serverBin)!, "bin") }.Any(folder => File.Exists(Path.Combine(folder, "wsrep_sst_rsync")))
            && TopologyPrerequisites.FindOnPath("wsrep_sst_rsync") is null)
        {
            throw new ServerUnavailableException(
                $"A throwaway {Topology} transfers a joining node's data with MariaDB's wsrep_sst_rsync script, which is neither beside {binaries.Server} nor on PATH. {howToGet}");
        }

        if (TopologyPrerequisites.FindOnPath("rsync") is null)
        {
            throw new ServerUnavailableException(
                $"A throwaway {Topology} transfers a joining node's data with rsync, which is not on PATH. {howToGet}");
        }

        if (new[] { "ss", "lsof", "sockstat" }.All(program => TopologyPrerequisites.FindOnPath(program) is null))
        {
            throw new ServerUnavailableException(
                $"A throwaway {Topology}'s rsync transfer watches its port with ss, lsof or sockstat, and none of them is on PATH (Debian/Ubuntu: sudo apt-get install iproute2). {howToGet}");
        }

        var account = Environment.IsPrivilegedProcess ? RequireAccount(root) : null;
        return new GaleraPrerequisites(provider, account);
    }

    private static IEnumerable<string> ProviderCandidates(ServerBinaries binaries)
    {
        // MariaDB's own prefix first (/usr for /usr/sbin/mariadbd), then the usual ones.
        var prefixes = new List<string> { Path.GetDirectoryName(Path.GetDirectoryName(binaries.Server)!)!, "/usr", "/usr/local" };
        foreach (var prefix in prefixes.Distinct())
        {
            foreach (var folder in ProviderFolders) yield return Path.Combine(prefix, folder, ProviderFile);
            // Debian's and Ubuntu's multiarch folders: /usr/lib/x86_64-linux-gnu/galera, for one.
            var multiarch = RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "x86_64-linux-gnu",
                Architecture.Arm64 => "aarch64-linux-gnu",
                _ => null,
            };
            if (multiarch is not null) yield return Path.Combine(prefix, "lib", multiarch, "galera", ProviderFile);
        }
    }

    /// <summary>
    /// The account the nodes run as when this process is root. Not root itself: a joining node's data arrives through
    /// an rsync daemon that the state transfer script starts from the node, and an rsync daemon started by root
    /// drops to the <c>nobody</c> account (its configuration names no other, and rsync's default is nobody), which
    /// could write into none of root's folders. A node run as an unprivileged account starts its rsync daemon as that
    /// account, which keeps it, and every file of the node, received or created, belongs to that one account. That
    /// account is <c>mysql</c>, which MariaDB's packages create for their own service, else <c>nobody</c>.
    /// </summary>
    private static string RequireAccount(string root)
    {
        var accounts = File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd").Select(line => line.Split(':')[0]).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var account = new[] { "mysql", "nobody" }.FirstOrDefault(accounts.Contains) ?? throw new ServerUnavailableException(
            $"A throwaway {Topology} started by root runs its nodes as the account mysql or nobody (the rsync transfer drops root's privileges), and this machine has neither. {ThrowawayGaleraCluster.HowToGetIt}");

        // The account must be able to reach the nodes' folders, which are its own, through the temporary folder.
        if (OperatingSystem.IsWindows()) return account;
        for (var folder = new DirectoryInfo(root); folder is not null; folder = folder.Parent)
        {
            if ((File.GetUnixFileMode(folder.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                throw new ServerUnavailableException(
                    $"A throwaway {Topology} started by root runs its nodes as the account {account}, which cannot reach {folder.FullName} (no search permission for others): point TMPDIR at a folder every account can reach, such as /tmp.");
            }
        }

        return account;
    }
}
