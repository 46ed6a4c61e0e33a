using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>
/// An application's account on the servers of a throwaway topology: it may read, write and change the schema of every
/// database, and watch replication, but holds none of the administrative privileges (SUPER, READ_ONLY ADMIN) that let
/// root write on a read-only server. A test that logs in with it sees a read-only replica refuse writes, as an
/// application would.
/// </summary>
public sealed class TopologyAccount
{
    // Created for every host form a local client can arrive as, so that no anonymous ''@'localhost' account wins the match.
    private static readonly string[] Hosts = ["localhost", "127.0.0.1", "%"];

    private const string Privileges =
        "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, REFERENCES, INDEX, ALTER, CREATE TEMPORARY TABLES, LOCK TABLES, " +
        "EXECUTE, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, EVENT, TRIGGER, REPLICATION CLIENT, SLAVE MONITOR";

    private TopologyAccount(string userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    /// <summary>The account's user name.</summary>
    public string UserName { get; }

    /// <summary>The account's password.</summary>
    public string Password { get; }

    /// <summary>A connection string that logs in to <paramref name="node"/> as this account, with no database selected.</summary>
    public string ConnectionStringFor(ThrowawayNode node) =>
        new MySqlConnectionStringBuilder(node.ConnectionString) { UserID = UserName, Password = Password }.ConnectionString;

    /// <summary>Creates the account on each node, outside the binary log (<c>sql_log_bin=0</c>), so that replication carries none of it.</summary>
    internal static async Task<TopologyAccount> CreateAsync(IEnumerable<ThrowawayNode> nodes, CancellationToken cancellationToken)
    {
        var account = new TopologyAccount(
            "app_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));
        foreach (var node in nodes)
        {
            var statements = new List<string> { "SET SESSION sql_log_bin=0" };
            foreach (var host in Hosts)
            {
                var user = NodeCommands.Quote(account.UserName) + "@" + NodeCommands.Quote(host);
                statements.Add($"CREATE USER {user} IDENTIFIED BY {NodeCommands.Quote(account.Password)}");
                statements.Add($"GRANT {Privileges} ON *.* TO {user}");
            }

            await NodeCommands.ExecuteAsync(node, string.Join("; ", statements), cancellationToken).ConfigureAwait(false);
        }

        return account;
    }
}
