using System.IO;
using System.Threading.Tasks;
using MicroOrm.Servers;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// A topology that cannot run here fails before it starts anything, with one message that says what is missing and
/// how to get it: the message the topology tests are skipped with on such a machine.
/// </summary>
public sealed class TopologyPrerequisiteTests
{
    [Fact]
    public async Task Without_MariaDB_the_replica_pair_says_what_is_missing_and_how_to_get_it()
    {
        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() =>
            ThrowawayReplicaPair.StartAsync(new ThrowawayServerOptions { ProgramFolders = [] }, TestContext.Current.CancellationToken));

        Assert.Contains("needs MariaDB's server program (mariadbd)", error.Message);
        Assert.Contains("apt-get install mariadb-server", error.Message);
    }

    [Fact]
    public async Task Without_MariaDB_the_Galera_cluster_says_what_is_missing_and_how_to_get_it()
    {
        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() =>
            ThrowawayGaleraCluster.StartAsync(new ThrowawayServerOptions { ProgramFolders = [] }, TestContext.Current.CancellationToken));

        Assert.Contains("needs MariaDB's server program (mariadbd)", error.Message);
        Assert.Contains("apt-get install mariadb-server galera-4 rsync", error.Message);
    }

    [Fact]
    public async Task A_temporary_folder_that_cannot_be_written_is_one_clear_error()
    {
        var file = Path.GetTempFileName();
        try
        {
            var options = new ThrowawayServerOptions { TemporaryRoot = file };

            var pair = await Assert.ThrowsAsync<ServerUnavailableException>(() => ThrowawayReplicaPair.StartAsync(options, TestContext.Current.CancellationToken));
            var cluster = await Assert.ThrowsAsync<ServerUnavailableException>(() => ThrowawayGaleraCluster.StartAsync(options, TestContext.Current.CancellationToken));

            Assert.Contains("TMPDIR", pair.Message);
            Assert.Contains("TMPDIR", cluster.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
