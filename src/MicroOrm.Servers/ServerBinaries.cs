using System;
using System.Collections.Generic;
using System.IO;

namespace MicroOrm.Servers;

/// <summary>The server program and the program that initialises its data folder, as found on this machine.</summary>
public sealed record ServerBinaries(string Server, string? InstallDb, bool IsMariaDb)
{
    /// <summary>Folders searched after PATH: server programs often live in sbin or libexec, outside a user's PATH.</summary>
    private static readonly string[] ExtraFolders =
    {
        "/usr/sbin", "/usr/local/sbin", "/usr/libexec", "/usr/local/bin", "/usr/bin",
        "/usr/local/mysql/bin", "/opt/homebrew/bin", "/opt/homebrew/sbin",
    };

    /// <summary>Finds <c>mariadbd</c> (with <c>mariadb-install-db</c>) or <c>mysqld</c>; <see langword="null"/> when neither is installed.</summary>
    public static ServerBinaries? Find(IReadOnlyList<string>? folders = null)
    {
        var searched = new List<string>();
        if (folders is null)
        {
            searched.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
            searched.AddRange(ExtraFolders);
        }
        else
        {
            searched.AddRange(folders);
        }

        string? FindProgram(string name)
        {
            foreach (var folder in searched)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }

            return null;
        }

        var mariadbd = FindProgram("mariadbd");
        if (mariadbd is not null)
        {
            var installDb = FindProgram("mariadb-install-db") ?? FindProgram("mysql_install_db");
            if (installDb is not null) return new ServerBinaries(mariadbd, installDb, IsMariaDb: true);
        }

        var mysqld = FindProgram("mysqld");
        if (mysqld is null) return null;
        // MariaDB before 10.4 ships mysqld with mysql_install_db; MySQL initialises with mysqld --initialize-insecure.
        var legacyInstall = FindProgram("mysql_install_db");
        var isMariaDb = legacyInstall is not null && FindProgram("mariadb") is not null;
        return new ServerBinaries(mysqld, isMariaDb ? legacyInstall : null, isMariaDb);
    }
}
