using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// A unit of work whose connection cannot be opened is run again: a server of its own with max_connections = 10 (the
/// least MariaDB allows), all taken, answers 1040; the proxy refusing connections gives 1042. While the fault lasts the unit gives up after
/// exactly MaxAttempts opens, its delegate never run; once it clears, a unit already retrying gets through.
/// </summary>
public sealed class RetryConnectionTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int MaxAttempts = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Too_many_connections_is_retried_up_to_MaxAttempts_and_gets_through_once_one_is_freed()
    {
        await using var server = await ThrowawayServer.StartAsync(new ThrowawayServerOptions { ExtraArguments = ["--max-connections=10"] }, Ct);
        await using var scratch = await ScratchDatabase.CreateAsync(server, "toomany", Ct);
        using var telemetry = new TelemetryRecorder(scratch.Name);
        await using var db = TestDb.Connect(Options(scratch.ConnectionString));
        await db.Schema.CreateAsync(Ct);
        await db.DisposeAsync();

        // Take every connection the server allows (root gets one above max_connections).
        var holders = new Stack<MySqlConnection>();
        while (true)
        {
            var holder = new MySqlConnection(new MySqlConnectionStringBuilder(scratch.ConnectionString) { Pooling = false }.ConnectionString);
            try
            {
                await holder.OpenAsync(Ct);
                holders.Push(holder);
                if (holders.Count >= 20)
                {
                    await using var ask = new MySqlCommand("SELECT CONCAT(@@max_connections, ' ', @@extra_max_connections, ' ', CURRENT_USER())", holder);
                    Assert.Fail("max_connections = 10 did not limit the server: " + await ask.ExecuteScalarAsync(Ct));
                }
            }
            catch (MySqlException exception) when (exception.Number == 1040)
            {
                await holder.DisposeAsync();
                break;
            }
        }

        try
        {
            await using var full = TestDb.Connect(Options(scratch.ConnectionString));
            var attempts = 0;
            var error = await Assert.ThrowsAsync<MicroOrmException>(() => full.RunInTransactionAsync(async (tx, ct) => { attempts++; await Task.CompletedTask; }, cancellationToken: Ct));

            Assert.Equal((1040, 0, MaxAttempts), (error.ServerErrorCode, attempts, error.Data["MicroOrm.Attempts"]));
            Assert.Equal(Enumerable.Repeat("1040", MaxAttempts - 1), Retried(telemetry));

            telemetry.Clear();
            var name = "freed-" + Guid.NewGuid().ToString("N")[..8];
            var unit = full.RunInTransactionAsync(async (tx, ct) => { attempts++; await full.Counters.InsertAsync(new Counter(name), ct); }, cancellationToken: Ct);
            await WaitForRetryAsync(telemetry);
            await holders.Pop().DisposeAsync();
            await unit;

            Assert.Equal(1, attempts);
            Assert.Contains("1040", Retried(telemetry));
            Assert.Equal(1L, await full.Counters.CountAsync(c => c.Name == name, Ct));
        }
        finally
        {
            while (holders.Count > 0) await holders.Pop().DisposeAsync();
        }
    }

    [Fact]
    public async Task A_refused_connection_is_retried_up_to_MaxAttempts_and_gets_through_once_the_port_accepts()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var proxy = FaultProxy.Start(database.ConnectionString);
        await using var db = TestDb.Connect(Options(proxy.ConnectionString(database.ConnectionString)));
        proxy.Refuse();
        var attempts = 0;

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.RunInTransactionAsync(async (tx, ct) => { attempts++; await Task.CompletedTask; }, cancellationToken: Ct));

        Assert.Equal((1042, 0, MaxAttempts), (error.ServerErrorCode, attempts, error.Data["MicroOrm.Attempts"]));
        Assert.Equal(Enumerable.Repeat("1042", MaxAttempts - 1), Retried(telemetry));

        telemetry.Clear();
        var name = "accepted-" + Guid.NewGuid().ToString("N")[..8];
        var unit = db.RunInTransactionAsync(async (tx, ct) => { attempts++; await db.Counters.InsertAsync(new Counter(name), ct); }, cancellationToken: Ct);
        await WaitForRetryAsync(telemetry);
        proxy.Accept();
        await unit;

        Assert.Equal(1, attempts);
        Assert.Contains("1042", Retried(telemetry));
        Assert.Equal(1L, await db.Counters.CountAsync(c => c.Name == name, Ct));
    }

    /// <summary>Short waits, and enough of them for the second half of each test to clear the fault mid-unit.</summary>
    private static MicroOrmOptions Options(string connectionString) => new()
    {
        ConnectionString = connectionString,
        ConnectionTimeout = TimeSpan.FromSeconds(2),
        Retry = { MaxAttempts = MaxAttempts, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromMilliseconds(400) },
    };

    private static IEnumerable<string> Retried(TelemetryRecorder telemetry) =>
        telemetry.Of(MicroOrmTelemetry.Retries).Select(m => (string)m.Tags["error.type"]!).ToArray();

    private static async Task WaitForRetryAsync(TelemetryRecorder telemetry)
    {
        var waited = TimeSpan.Zero;
        while (!telemetry.Of(MicroOrmTelemetry.Retries).Any())
        {
            Assert.True(waited < TimeSpan.FromSeconds(5), "the unit never retried");
            await Task.Delay(10, Ct);
            waited += TimeSpan.FromMilliseconds(10);
        }
    }
}
