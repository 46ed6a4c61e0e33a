using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MicroOrm.DependencyInjection;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MicroOrm.Tests.Configuration;

/// <summary>
/// <c>services.AddMicroOrm&lt;TestDb&gt;(...)</c> from configuration, a connection string or a callback: the injected
/// database runs queries, logs through the container's logging, shares one pool, and the health check follows the
/// server up and down.
/// </summary>
public sealed class DependencyInjectionTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_provider_built_from_configuration_runs_a_query_through_the_injected_database()
    {
        var configuration = Json($$"""
            {
              "MicroOrm": {
                "ConnectionString": "{{database.ConnectionString}}",
                "MaximumPoolSize": 5,
                "CommandTimeout": "00:00:30",
                "SlowCommandThreshold": "00:00:02",
                "Retry": { "MaxAttempts": 3, "BaseDelay": "00:00:00.020" }
              }
            }
            """);
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddMicroOrm<TestDb>(configuration.GetSection("MicroOrm"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var db = provider.GetRequiredService<TestDb>();
        await db.Counters.InsertAsync(new Counter("from-di-" + Guid.NewGuid().ToString("N")), Ct);
        var count = await db.Counters.CountAsync(Ct);

        Assert.True(count >= 1);
        Assert.Contains(logs.Entries, e => e.Category == "MicroOrm" && e.Message.StartsWith("Executed SELECT", StringComparison.Ordinal));
        Assert.Same(db, provider.GetRequiredService<TestDb>());
    }

    [Fact]
    public async Task Scoped_database_objects_are_one_per_scope_and_share_one_pool()
    {
        var services = new ServiceCollection().AddMicroOrm<TestDb>(database.ConnectionString, ServiceLifetime.Scoped);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<TestDb>();
        var b = second.ServiceProvider.GetRequiredService<TestDb>();

        Assert.NotSame(a, b);
        Assert.Same(a, first.ServiceProvider.GetRequiredService<TestDb>());
        var pool = provider.GetRequiredService<DatabaseSource<TestDb>>();
        Assert.Equal(database.DatabaseName, pool.Source.DatabaseName);
        Assert.Equal(await a.ExecuteScalarAsync<long>($"SELECT 1", Ct), await b.ExecuteScalarAsync<long>($"SELECT 1", Ct));
    }

    [Fact]
    public async Task An_options_callback_can_read_other_services()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddMicroOrm<TestDb>((provider, options) =>
            {
                options.ConnectionString = database.ConnectionString;
                options.TimeProvider = provider.GetRequiredService<TimeProvider>();
            });
        await using var provider = services.BuildServiceProvider();
        var db = provider.GetRequiredService<TestDb>();

        var setting = new Setting { Name = "di-" + Guid.NewGuid().ToString("N")[..8], Value = "v" };
        await db.Settings.InsertAsync(setting, Ct);

        Assert.Equal(clock.GetUtcNow().UtcDateTime, (await db.Settings.FindAsync(setting.Id, Ct))!.ChangedAt);
    }

    [Theory]
    [InlineData("\"MaximumPoolSize\": \"lots\"", "MicroOrm:MaximumPoolSize", "'lots' is not valid here; expected a whole number")]
    [InlineData("\"MaximumPoolSize\": 0", "MaximumPoolSize", "0 is out of range; it must be between 1 and 1000")]
    [InlineData("\"MaxPoolSize\": 5", "MicroOrm:MaxPoolSize", "is not a MicroOrm option")]
    [InlineData("\"CommandTimeout\": \"soon\"", "MicroOrm:CommandTimeout", "expected a duration such as 00:00:05")]
    [InlineData("\"SslMode\": \"Sometimes\"", "MicroOrm:SslMode", "expected None, Preferred, Required, VerifyCA or VerifyFull")]
    [InlineData("\"Dialect\": \"Oracle\"", "MicroOrm:Dialect", "expected Detect, MariaDb, MySql80, MySql84 or MySql9")]
    [InlineData("\"Retry\": { \"MaxAttempts\": 0 }", "Retry.MaxAttempts", "0 is out of range; it must be between 1 and 1000")]
    [InlineData("\"Retry\": { \"Tries\": 3 }", "MicroOrm:Retry:Tries", "is not a MicroOrm option")]
    public void A_bad_setting_fails_at_registration_naming_the_key(string setting, string option, string message)
    {
        var configuration = Json($$"""{ "MicroOrm": { "ConnectionString": "Server=127.0.0.1;Database=x", {{setting}} } }""");

        var error = Assert.Throws<MicroOrmConfigurationException>(() => new ServiceCollection().AddMicroOrm<TestDb>(configuration.GetSection("MicroOrm")));

        Assert.Equal(option, error.Option);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_is_healthy_while_the_server_answers_and_unhealthy_once_it_is_gone()
    {
        var server = await ThrowawayServer.StartAsync(cancellationToken: Ct);
        await using (server)
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddMicroOrm<TestDb>(options =>
                {
                    options.ConnectionString = server.ConnectionString;
                    options.ConnectionTimeout = TimeSpan.FromSeconds(2);
                });
            services.AddHealthChecks().AddCheck<MicroOrmHealthCheck<TestDb>>("database", tags: ["ready"]);
            await using var provider = services.BuildServiceProvider();
            var health = provider.GetRequiredService<HealthCheckService>();

            var up = await health.CheckHealthAsync(Ct);
            Assert.Equal(HealthStatus.Healthy, up.Status);
            Assert.Equal("The server answered SELECT 1.", up.Entries["database"].Description);

            await server.DisposeAsync();
            var down = await health.CheckHealthAsync(Ct);

            Assert.Equal(HealthStatus.Unhealthy, down.Status);
            var entry = down.Entries["database"];
            Assert.IsAssignableFrom<MicroOrmException>(entry.Exception);
            Assert.Contains($"127.0.0.1:{server.Port}", entry.Description, StringComparison.Ordinal);
            Assert.True(entry.Duration < TimeSpan.FromSeconds(10), $"the check took {entry.Duration}");
        }
    }

    [Fact]
    public async Task The_schema_health_check_is_degraded_while_the_database_has_drifted()
    {
        var services = new ServiceCollection().AddLogging().AddMicroOrm<TestDb>(database.ConnectionString);
        services.AddHealthChecks().AddCheck<MicroOrmSchemaHealthCheck<TestDb>>("schema");
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(Ct)).Status);

        await using var connection = new MySqlConnector.MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using (var alter = new MySqlConnector.MySqlCommand("ALTER TABLE notes ADD COLUMN by_hand INT NULL", connection)) await alter.ExecuteNonQueryAsync(Ct);
        try
        {
            var report = await health.CheckHealthAsync(Ct);
            Assert.Equal(HealthStatus.Degraded, report.Status);
            var entry = report.Entries["schema"];
            Assert.Equal("The database differs from the model in 1 way: Table `notes` has a column `by_hand` (int NULL) that the model does not map.", entry.Description);
            Assert.Equal(1, entry.Data["differences"]);
        }
        finally
        {
            await using var undo = new MySqlConnector.MySqlCommand("ALTER TABLE notes DROP COLUMN by_hand", connection);
            await undo.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(Ct)).Status);
    }

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
