using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Observability;

/// <summary>
/// What a query, an insert, a failure, a slow command and a retry emit: one activity each with OpenTelemetry's
/// database attributes, the duration histogram and row counters, and a log line; and a secret value appears in none
/// of them, nor in the exception, unless sensitive data logging is on.
/// </summary>
public sealed class ObservabilityTests(TestDbFixture database) : IClassFixture<TestDbFixture>, IDisposable
{
    private readonly TelemetryRecorder _telemetry = new(database.DatabaseName);
    private readonly RecordingLoggerProvider _logs = new();

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _telemetry.Dispose();

    [Fact]
    public async Task A_query_emits_an_activity_a_duration_the_rows_read_and_a_debug_line()
    {
        await using var db = Connect();
        var name = Unique("query");
        await db.Counters.InsertAsync(new Counter(name), Ct);
        _telemetry.Clear();
        _logs.Clear();

        var rows = await db.Counters.Where(c => c.Name == name).ToListAsync(Ct);

        Assert.Single(rows);
        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal("SELECT counters", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        var server = new MySqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal(
            [("db.system", "mysql"), ("db.system.name", "mysql"), ("db.namespace", database.DatabaseName), ("db.operation.name", "SELECT"),
             ("db.collection.name", "counters"), ("server.address", server.Server), ("server.port", (object)(int)server.Port), ("db.response.returned_rows", 1L)],
            activity.TagObjects.Where(t => t.Key != "db.query.text").Select(t => (t.Key, t.Value)).ToArray());
        Assert.Equal("SELECT `id`, `name`, `value` FROM `counters` WHERE `name` = @p0", activity.GetTagItem("db.query.text"));

        var duration = Assert.Single(_telemetry.Of(MicroOrmTelemetry.OperationDuration));
        Assert.InRange(duration.Value, 0, 10);
        Assert.Equal("SELECT", duration.Tags["db.operation.name"]);
        Assert.Equal("counters", duration.Tags["db.collection.name"]);
        Assert.Equal(1, Assert.Single(_telemetry.Of(MicroOrmTelemetry.RowsRead)).Value);

        var line = Assert.Single(_logs.Entries);
        Assert.Equal((LogLevel.Debug, 1, "CommandExecuted", "MicroOrm"), (line.Level, line.EventId.Id, line.EventId.Name, line.Category));
        Assert.Matches(@"^Executed SELECT in [0-9.]+ ms \(rows: 1\) on t_\w+: SELECT `id`, `name`, `value` FROM `counters` WHERE `name` = @p0 \[@p0=\?\]$", line.Message);
        Assert.Equal(1L, line.Values["Rows"]);
    }

    [Fact]
    public async Task An_insert_emits_an_activity_and_the_rows_written()
    {
        await using var db = Connect();

        await db.Counters.InsertAsync(new Counter(Unique("insert")), Ct);

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(("INSERT counters", "INSERT", 1L), (activity.DisplayName, activity.GetTagItem("db.operation.name"), activity.GetTagItem("microorm.rows_affected")));
        Assert.Equal(1, Assert.Single(_telemetry.Of(MicroOrmTelemetry.RowsWritten)).Value);
        Assert.Equal("INSERT", Assert.Single(_telemetry.Of(MicroOrmTelemetry.OperationDuration)).Tags["db.operation.name"]);
        Assert.Matches(@"^Executed INSERT in [0-9.]+ ms \(rows: 1\) on t_\w+: INSERT INTO `counters` \(`name`, `value`\) VALUES \(@p0, @p1\) \[@p0=\?, @p1=\?\]$", Assert.Single(_logs.Entries).Message);
    }

    [Fact]
    public async Task A_failure_marks_the_activity_records_the_error_type_and_logs_an_error_with_the_server_number()
    {
        await using var db = Connect();
        var name = Unique("twice");
        await db.Counters.InsertAsync(new Counter(name), Ct);
        _telemetry.Clear();
        _logs.Clear();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.InsertAsync(new Counter(name), Ct));

        Assert.Equal(1062, error.ServerErrorCode);
        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal((ActivityStatusCode.Error, "1062", "1062"), (activity.Status, activity.GetTagItem("error.type"), activity.GetTagItem("db.response.status_code")));
        Assert.Equal("1062", Assert.Single(_telemetry.Of(MicroOrmTelemetry.OperationDuration)).Tags["error.type"]);
        Assert.Empty(_telemetry.Of(MicroOrmTelemetry.RowsWritten));
        var line = _logs.Entries.Last();
        Assert.Equal((LogLevel.Error, 3), (line.Level, line.EventId.Id));
        Assert.Equal(1062, line.Values["ErrorNumber"]);
        Assert.Same(error, line.Exception);
        Assert.Contains("INSERT failed after", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_over_the_threshold_is_logged_as_a_warning()
    {
        await using var db = Connect(slowCommandThreshold: TimeSpan.FromMilliseconds(100));

        await db.ExecuteScalarAsync<long>($"SELECT SLEEP(0.2)", Ct);

        var line = Assert.Single(_logs.Entries);
        Assert.Equal((LogLevel.Warning, 2, "SlowCommand"), (line.Level, line.EventId.Id, line.EventId.Name));
        Assert.Matches(@"^Slow SELECT: [0-9.]+ ms, over the 100 ms threshold \(rows: 1\)", line.Message);
        Assert.True((double)line.Values["ElapsedMilliseconds"]! >= 150);
    }

    [Fact]
    public async Task A_retried_unit_of_work_counts_the_retry_and_logs_a_warning()
    {
        await using var db = Connect();
        var attempts = 0;

        var result = await db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            // The server raises a real deadlock error (1213) on the first attempt.
            if (attempts == 1) await tx.ExecuteAsync($"SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock'", ct);
            return await tx.ExecuteScalarAsync<long>($"SELECT 7", ct);
        }, cancellationToken: Ct);

        Assert.Equal((7L, 2), (result, attempts));
        var retry = Assert.Single(_telemetry.Of(MicroOrmTelemetry.Retries));
        Assert.Equal((1d, "1213"), (retry.Value, retry.Tags["error.type"]));
        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == 5);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Matches(@"^Running the transaction again in [0-9.]+ ms \(attempt 2 of 5\) after server error 1213", warning.Message);
        Assert.Contains(_telemetry.Activities, a => a.DisplayName == "ROLLBACK");
        Assert.Equal(2, _telemetry.Activities.Count(a => a.DisplayName == "START TRANSACTION"));
        Assert.Single(_telemetry.Activities, a => a.DisplayName == "COMMIT");
    }

    [Fact]
    public async Task A_secret_value_appears_in_no_log_no_trace_and_no_exception()
    {
        await using var db = Connect();
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        await db.Counters.InsertAsync(new Counter(secret), Ct);
        await db.Counters.Where(c => c.Name == secret).ToListAsync(Ct);
        await db.QueryValuesAsync<long>($"SELECT id FROM counters WHERE name = {secret}", Ct);
        await db.Counters.Where(c => c.Name == secret).UpdateAsync(u => u.Set(c => c.Value, 3), Ct);
        var duplicate = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.InsertAsync(new Counter(secret), Ct));
        var raw = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync($"INSERT INTO counters (name, value) VALUES ({secret}, {1})", Ct));

        Assert.True(_logs.Entries.Count >= 6);
        Assert.True(_telemetry.Activities.Count >= 6);
        Assert.DoesNotContain(secret, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, _telemetry.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, string.Join("\n", _telemetry.Measurements.SelectMany(m => m.Tags.Values)), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, duplicate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sensitive_data_logging_on_the_same_values_are_shown()
    {
        await using var db = Connect(sensitive: true);
        var secret = "shown-" + Guid.NewGuid().ToString("N");
        await db.Counters.InsertAsync(new Counter(secret), Ct);
        var duplicate = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.InsertAsync(new Counter(secret), Ct));

        Assert.Contains($"@p0='{secret}'", _logs.Entries[0].Message, StringComparison.Ordinal);
        Assert.Equal($"'{secret}'", _telemetry.Activities[0].GetTagItem("db.query.parameter.p0"));
        Assert.Contains(secret, duplicate.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_logged_without_a_logger_factory_and_commands_still_trace()
    {
        await using var db = TestDb.Connect(database.ConnectionString);

        await db.Counters.CountAsync(Ct);

        Assert.Empty(_logs.Entries);
        Assert.Equal("SELECT counters", Assert.Single(_telemetry.Activities).DisplayName);
    }

    private TestDb Connect(bool sensitive = false, TimeSpan? slowCommandThreshold = null) => TestDb.Connect(new MicroOrmOptions
    {
        ConnectionString = database.ConnectionString,
        LoggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)),
        EnableSensitiveDataLogging = sensitive,
        SlowCommandThreshold = slowCommandThreshold ?? TimeSpan.FromSeconds(10),
    });

    private static string Unique(string label) => label + "-" + Guid.NewGuid().ToString("N")[..12];
}
