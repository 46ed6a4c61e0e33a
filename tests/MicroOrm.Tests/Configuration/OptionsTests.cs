using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MicroOrm.Configuration;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Configuration;

/// <summary>
/// Options are checked when the database object is made, each bad value named with its allowed range; a bad login,
/// database or host fails at the first command with one message that names the server and what to check, and never
/// repeats the password.
/// </summary>
public sealed class OptionsTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, Action<MicroOrmOptions>, string> BadOptions => new()
    {
        { "ConnectionString", o => o.ConnectionString = " ", "a connection string is required" },
        { "ConnectionString", o => o.ConnectionString = "Server=h;Colour=blue", "Option 'colour' not supported." },
        { "MinimumPoolSize", o => o.MinimumPoolSize = -1, "-1 is out of range; it must be between 0 and 1000" },
        { "MaximumPoolSize", o => o.MaximumPoolSize = 1001, "1001 is out of range; it must be between 1 and 1000" },
        { "MinimumPoolSize", o => (o.MinimumPoolSize, o.MaximumPoolSize) = (10, 5), "10 is above the maximum pool size 5" },
        { "ConnectionTimeout", o => o.ConnectionTimeout = TimeSpan.Zero, "must be a whole number of seconds between 1 and 3600" },
        { "ConnectionTimeout", o => o.ConnectionTimeout = TimeSpan.FromMilliseconds(1500), "must be a whole number of seconds between 1 and 3600" },
        { "CommandTimeout", o => o.CommandTimeout = TimeSpan.FromDays(2), "between 0 and 86400" },
        { "ConnectionIdleTimeout", o => o.ConnectionIdleTimeout = TimeSpan.FromSeconds(-1), "between 1 and 86400" },
        { "SslMode", o => o.SslMode = (MySqlSslMode)42, "42 is not a TLS mode" },
        { "SslCa", o => o.SslMode = MySqlSslMode.VerifyCA, "give its file in SslCa" },
        { "Dialect", o => o.Dialect = (ServerDialect)42, "42 is not a server dialect" },
        { "Retry.MaxAttempts", o => o.Retry.MaxAttempts = 0, "between 1 and 1000" },
        { "Retry.BaseDelay", o => o.Retry.BaseDelay = TimeSpan.Zero, "out of range" },
        { "Retry.MaxDelay", o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)), "out of range" },
        { "Retry.MaxTotalTime", o => o.Retry.MaxTotalTime = TimeSpan.FromMilliseconds(10), "out of range" },
        { "SlowCommandThreshold", o => o.SlowCommandThreshold = TimeSpan.FromMilliseconds(1), "between 100 milliseconds and 1 hour" },
        { "Topology.Replicas[1]", o => o.Topology = new TopologyOptions { Replicas = { "db2", "db3:99999" } }, "'db3:99999' has no valid port" },
        { "Topology.FailoverServers[0]", o => o.Topology = new TopologyOptions { FailoverServers = { " " } }, "this one is empty" },
        { "Topology.Replicas[0]", o => o.Topology = new TopologyOptions { Replicas = { "db2;Port=1" } }, "is not a host or host:port" },
        { "Topology.ReadConsistency", o => o.Topology = new TopologyOptions { ReadConsistency = (ReadConsistency)9 }, "9 is not a read consistency" },
        { "Topology.ProbeInterval", o => o.Topology = new TopologyOptions { ProbeInterval = TimeSpan.Zero }, "out of range" },
        { "Topology.ReadYourWritesTimeout", o => o.Topology = new TopologyOptions { ReadYourWritesTimeout = TimeSpan.FromMinutes(5) }, "out of range" },
    };

    [Fact]
    public void A_topology_is_read_from_configuration_with_its_servers_as_a_list_or_one_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["MicroOrm:ConnectionString"] = "Server=db1;Database=app",
            ["MicroOrm:Topology:Replicas:0"] = "db2:3307",
            ["MicroOrm:Topology:Replicas:1"] = "db3",
            ["MicroOrm:Topology:FailoverServers"] = "db2:3307, db4",
            ["MicroOrm:Topology:ReadConsistency"] = "sticky" + "primary",
            ["MicroOrm:Topology:Kind"] = "Galera",
            ["MicroOrm:Topology:ProbeInterval"] = "00:00:01",
        }).Build();
        var options = new MicroOrmOptions();

        MicroOrm.Configuration.OptionsReader.Read(configuration.GetSection("MicroOrm"), options);

        Assert.Equal(["db2:3307", "db3"], options.Topology!.Replicas);
        Assert.Equal(["db2:3307", "db4"], options.Topology.FailoverServers);
        Assert.Equal((ReadConsistency.StickyPrimary, ClusterKind.Galera, TimeSpan.FromSeconds(1)), (options.Topology.ReadConsistency, options.Topology.Kind, options.Topology.ProbeInterval));
        var error = Assert.Throws<MicroOrmConfigurationException>(() => MicroOrm.Configuration.OptionsReader.Read(
            new ConfigurationBuilder().AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?> { ["MicroOrm:Topology:Replica"] = "db2" }).Build().GetSection("MicroOrm"),
            new MicroOrmOptions()));
        Assert.Contains("MicroOrm:Topology:Replica", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_with_a_missing_list_is_named_for_a_connection_of_the_caller_s_own_too()
    {
        using var connection = new MySqlConnection(database.ConnectionString);

        var error = Assert.Throws<MicroOrmConfigurationException>(() => ConnectionSource.FromConnection(connection, new MicroOrmOptions { Topology = new TopologyOptions { FailoverServers = null! } }));

        Assert.Equal("Topology.FailoverServers", error.Option);
    }

    [Fact]
    public async Task A_topology_without_servers_is_one_server_and_its_reads_record_nothing()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = database.ConnectionString, Topology = new TopologyOptions { ReadConsistency = ReadConsistency.Eventual } });

        Assert.Null(db.Executor.Routing);
        Assert.Equal(0, await db.Notes.CountAsync(Ct));
        Assert.Null(db.GetConsistencyToken());
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_fails_when_the_database_is_made_naming_it(string option, Action<MicroOrmOptions> change, string message)
    {
        var options = new MicroOrmOptions { ConnectionString = "Server=127.0.0.1;Database=x" };
        change(options);

        var error = Assert.Throws<MicroOrmConfigurationException>(() => TestDb.Connect(options));

        Assert.Equal(option, error.Option);
        Assert.StartsWith(option + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_override_the_connection_string_and_the_database_works()
    {
        var options = new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString + ";Maximum Pool Size=50",
            MaximumPoolSize = 2,
            CommandTimeout = TimeSpan.FromSeconds(1),
        };
        await using var db = TestDb.Connect(options);

        var sessions = await Task.WhenAll(
            db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID() + 0 * SLEEP(0.3)", Ct),
            db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID() + 0 * SLEEP(0.3)", Ct),
            db.ExecuteScalarAsync<long>($"SELECT CONNECTION_ID() + 0 * SLEEP(0.3)", Ct));

        // Three queries on a pool of two: two sessions serve them.
        Assert.Equal(2, new System.Collections.Generic.HashSet<long>(sessions).Count);
        var timedOut = await Assert.ThrowsAnyAsync<Exception>(() => db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", Ct));
        Assert.True(timedOut is MicroOrmException or MySqlException or OperationCanceledException, timedOut.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(";Cancellation Timeout=2")]
    public void The_backstop_timeout_closes_the_socket_and_never_cancels_from_MySqlConnector_s_timer(string cancellation)
    {
        // MySqlConnector's timer-driven cancel reads the socket's peer address, which throws on a connection just reset,
        // and an exception in a timer callback ends the process; with -1 its timeout only closes the socket.
        var settings = OptionsValidator.ConnectionSettings(new MicroOrmOptions { ConnectionString = database.ConnectionString + cancellation });

        Assert.Equal(-1, settings.CancellationTimeout);
    }

    [Fact]
    public async Task A_wrong_password_names_the_server_and_the_fix_and_not_the_password()
    {
        var wrong = new MySqlConnectionStringBuilder(database.ConnectionString) { Password = "wrong-password-9431" };
        await using var db = TestDb.Connect(wrong.ConnectionString);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.CountAsync(Ct));

        Assert.Equal(1045, error.ServerErrorCode);
        Assert.StartsWith($"The server at {wrong.Server}:{wrong.Port} refused the login: Access denied", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the user and password.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-9431", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_is_named()
    {
        var missing = new MySqlConnectionStringBuilder(database.ConnectionString) { Database = "no_such_db_here" };
        await using var db = TestDb.Connect(missing.ConnectionString);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.CountAsync(Ct));

        Assert.Equal(1049, error.ServerErrorCode);
        Assert.Contains("has no database 'no_such_db_here'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_fails_within_the_connection_timeout()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = "Server=127.0.0.1;Port=1;User ID=root;Database=x", ConnectionTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.CountAsync(Ct));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.StartsWith("Could not connect to the server at 127.0.0.1:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Is it running, and on this host and port?", error.Message, StringComparison.Ordinal);
    }
}
