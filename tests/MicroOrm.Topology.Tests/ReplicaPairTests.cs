using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// The throwaway replica pair replicates, lags on purpose, survives a killed replica and promotes its replica, and
/// leaves nothing behind, whether disposed or abandoned by a crashed owner. The tests share one pair and run in the
/// order written: promotion ends replication, and the disposal test removes the pair.
/// </summary>
[TestMethodOrderer(typeof(DeclarationOrder))]
public sealed class ReplicaPairTests(ReplicaPairFixture fixture, ITestOutputHelper output) : IClassFixture<ReplicaPairFixture>
{
    private static readonly TimeSpan Catchup = TimeSpan.FromSeconds(30);

    private ThrowawayReplicaPair Pair => fixture.Topology;

    [Fact]
    public async Task Starts_a_primary_and_a_read_only_replica_replicating_from_it_by_GTID()
    {
        var pair = Pair;
        output.WriteLine($"summary: the replica pair started in {fixture.StartTime.TotalSeconds:0.0} s ({pair.Description})");

        Assert.NotEqual(pair.Primary.Port, pair.Replica.Port);
        Assert.NotEqual(pair.Primary.ProcessId, pair.Replica.ProcessId);
        Assert.Equal(1, await Sql.ScalarAsync<int>(pair.Primary.ConnectionString, "SELECT @@server_id"));
        Assert.Equal(2, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, "SELECT @@server_id"));
        Assert.Equal(0, await Sql.ScalarAsync<int>(pair.Primary.ConnectionString, "SELECT @@read_only"));
        Assert.Equal(1, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, "SELECT @@read_only"));
        var status = await SlaveStatusAsync(pair.Replica);
        Assert.Equal("Yes", status["Slave_IO_Running"]);
        Assert.Equal("Yes", status["Slave_SQL_Running"]);
        Assert.Equal("Slave_Pos", status["Using_Gtid"]);
        Assert.Equal(pair.Primary.Port.ToString(CultureInfo.InvariantCulture), status["Master_Port"]);
    }

    [Fact]
    public async Task A_row_written_on_the_primary_is_read_on_the_replica()
    {
        var pair = Pair;
        var table = await CreateTableAsync(pair, "replicates");

        await Sql.ExecuteAsync(pair.Primary.ConnectionString, $"INSERT INTO {table} (name) VALUES ('written on the primary')");
        await pair.WaitForReplicaAsync(Catchup, TestContext.Current.CancellationToken);

        Assert.Equal("written on the primary", await Sql.ScalarAsync<string>(pair.Replica.ConnectionString, $"SELECT name FROM {table}"));
    }

    [Fact]
    public async Task With_the_SQL_thread_stopped_a_new_row_reaches_the_replica_only_once_it_runs_again()
    {
        var pair = Pair;
        var table = await CreateTableAsync(pair, "lags");

        await pair.StopReplicationAsync(TestContext.Current.CancellationToken);
        await Sql.ExecuteAsync(pair.Primary.ConnectionString, $"INSERT INTO {table} (name) VALUES ('held back')");

        // The replica receives the row (its IO thread runs) but does not apply it, however long it is given.
        await Assert.ThrowsAsync<TimeoutException>(() => pair.WaitForReplicaAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        Assert.Equal(0, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, $"SELECT COUNT(*) FROM {table}"));
        Assert.Equal("No", (await SlaveStatusAsync(pair.Replica))["Slave_SQL_Running"]);

        await pair.StartReplicationAsync(TestContext.Current.CancellationToken);
        await pair.WaitForReplicaAsync(Catchup, TestContext.Current.CancellationToken);

        Assert.Equal("held back", await Sql.ScalarAsync<string>(pair.Replica.ConnectionString, $"SELECT name FROM {table}"));
    }

    [Fact]
    public async Task A_replica_killed_under_load_starts_again_on_its_port_and_catches_up()
    {
        var pair = Pair;
        var table = await CreateTableAsync(pair, "killed");
        var (port, processId) = (pair.Replica.Port, pair.Replica.ProcessId);

        // Rows keep arriving on the primary while the replica is killed and brought back.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var count = 0;
            await using var connection = await Sql.OpenAsync(pair.Primary.ConnectionString);
            while (!stop.IsCancellationRequested)
            {
                await using var insert = new MySqlCommand($"INSERT INTO {table} (name) VALUES ('row {count}')", connection);
                await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                count++;
            }

            return count;
        }, TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        await pair.Replica.KillAsync(TestContext.Current.CancellationToken);
        Assert.False(Leftovers.IsRunning(processId));
        Assert.False(pair.Replica.IsRunning);
        await Assert.ThrowsAsync<MySqlException>(() => Sql.OpenAsync(pair.Replica.ConnectionString));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        await pair.Replica.StartAgainAsync(TestContext.Current.CancellationToken);
        var restart = clock.Elapsed;
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var written = await writer;
        await pair.WaitForReplicaAsync(Catchup, TestContext.Current.CancellationToken);
        output.WriteLine($"summary: the killed replica answered again {restart.TotalSeconds:0.0} s after the kill and caught up with {written} rows written meanwhile");

        Assert.True(pair.Replica.IsRunning);
        Assert.Equal(port, pair.Replica.Port);
        Assert.NotEqual(processId, pair.Replica.ProcessId);
        Assert.True(written > 0);
        Assert.Equal(written, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, $"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(1, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, "SELECT @@read_only"));
    }

    [Fact]
    public async Task An_application_account_cannot_write_on_the_replica_until_it_is_promoted()
    {
        var pair = Pair;
        var table = await CreateTableAsync(pair, "promoted");
        var account = await pair.CreateApplicationAccountAsync(TestContext.Current.CancellationToken);
        await Sql.ExecuteAsync(account.ConnectionStringFor(pair.Primary), $"INSERT INTO {table} (name) VALUES ('the application writes on the primary')");

        var refused = await Assert.ThrowsAsync<MySqlException>(() =>
            Sql.ExecuteAsync(account.ConnectionStringFor(pair.Replica), $"INSERT INTO {table} (name) VALUES ('not on the replica')"));
        Assert.Equal(MySqlErrorCode.OptionPreventsStatement, refused.ErrorCode);

        await pair.PromoteReplicaAsync(TestContext.Current.CancellationToken);

        await Sql.ExecuteAsync(account.ConnectionStringFor(pair.Replica), $"INSERT INTO {table} (name) VALUES ('on the promoted replica')");
        Assert.Equal(0, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, "SELECT @@read_only"));
        Assert.Empty(await SlaveStatusAsync(pair.Replica));
        Assert.Equal(2, await Sql.ScalarAsync<int>(pair.Replica.ConnectionString, $"SELECT COUNT(*) FROM {table}"));
    }

    [Fact]
    public async Task A_pair_whose_owner_dies_without_disposing_it_is_removed()
    {
        _ = Pair;
        using var owner = Process.Start("sleep", "600");
        try
        {
            var pair = await ThrowawayReplicaPair.StartAsync(new ThrowawayServerOptions { OwnerProcessId = owner.Id }, TestContext.Current.CancellationToken);
            string[] folders = [pair.Primary.Folder, pair.Replica.Folder];
            Assert.NotEmpty(Leftovers.Of(folders));

            owner.Kill();

            Assert.Empty(await Leftovers.AfterAsync(folders, TimeSpan.FromSeconds(30)));
            await pair.DisposeAsync();
        }
        finally
        {
            // A test that failed half-way still ends the owner, so that the watchdogs remove the pair now, not in ten minutes.
            if (!owner.HasExited) owner.Kill();
        }
    }

    [Fact]
    public async Task Disposing_leaves_no_process_and_no_folder()
    {
        var pair = Pair;
        string[] folders = [pair.Primary.Folder, pair.Replica.Folder];
        int[] processes = [pair.Primary.ProcessId, pair.Replica.ProcessId];

        await pair.DisposeAsync();

        Assert.Empty(Leftovers.Of(folders));
        Assert.All(processes, process => Assert.False(Leftovers.IsRunning(process)));
    }

    /// <summary>A table of its own for a test, in a database created on the primary and replicated.</summary>
    private static async Task<string> CreateTableAsync(ThrowawayReplicaPair pair, string label)
    {
        var database = "t_" + label + "_" + Guid.NewGuid().ToString("N")[..6];
        await Sql.ExecuteAsync(pair.Primary.ConnectionString,
            $"CREATE DATABASE {database}; CREATE TABLE {database}.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        await pair.WaitForReplicaAsync(Catchup, TestContext.Current.CancellationToken);
        return database + ".items";
    }

    private static async Task<Dictionary<string, string>> SlaveStatusAsync(ThrowawayNode node)
    {
        await using var connection = await Sql.OpenAsync(node.ConnectionString);
        await using var command = new MySqlCommand("SHOW SLAVE STATUS", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var row = new Dictionary<string, string>();
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken)) return row;
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        return row;
    }
}
