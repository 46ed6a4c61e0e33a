using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Execution;

/// <summary>
/// Errors are not swallowed: a failure in a later statement of a multi-statement command, or one raised while a
/// stream or a multi-result reader is being closed, reaches the caller as a <see cref="MicroOrmException"/> with the
/// server's error number and marks the command's span as an error. A scalar query that returns no row says so,
/// instead of passing for a row that holds the default value.
/// </summary>
[Collection(nameof(ErrorSurfacingTests))]
public sealed class ErrorSurfacingTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int NoSuchTable = 1146;

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task A_list_query_whose_second_statement_fails_throws() =>
        FailsAsync(db => db.QueryValuesAsync<int>($"SELECT 1; SELECT * FROM missing_table", Ct));

    [Fact]
    public Task A_first_row_query_whose_second_statement_fails_throws() =>
        FailsAsync(db => db.QueryFirstOrDefaultAsync<Note>($"SELECT * FROM notes LIMIT 1; SELECT * FROM missing_table", Ct));

    [Fact]
    public Task A_scalar_query_whose_second_statement_fails_throws() =>
        FailsAsync(db => db.ExecuteScalarAsync<long>($"SELECT 1; SELECT * FROM missing_table", Ct));

    [Fact]
    public Task A_statement_whose_second_statement_fails_throws() =>
        FailsAsync(db => db.ExecuteAsync($"UPDATE notes SET text = text WHERE id = -1; SELECT * FROM missing_table", Ct));

    [Fact]
    public Task A_stream_read_to_its_end_whose_second_statement_fails_throws() =>
        FailsAsync(async db =>
        {
            await foreach (var _ in db.QueryAsAsyncEnumerable<Note>($"SELECT * FROM notes; SELECT * FROM missing_table", Ct))
            {
            }
        });

    [Fact]
    public Task A_stream_left_early_whose_second_statement_fails_throws_when_it_closes() =>
        FailsAsync(async db =>
        {
            await foreach (var _ in db.QueryAsAsyncEnumerable<Note>($"SELECT * FROM notes; SELECT * FROM missing_table", Ct))
            {
                break;
            }
        });

    [Fact]
    public Task Multiple_results_whose_unread_second_statement_fails_throw_when_they_close() =>
        FailsAsync(async db =>
        {
            await using var results = await db.QueryMultipleAsync($"SELECT * FROM notes; SELECT * FROM missing_table", Ct);
            await results.ReadAsync<Note>(Ct);
        });

    [Fact]
    public async Task A_scalar_query_that_returns_no_row_throws_while_a_null_row_gives_the_default()
    {
        await using var db = database.Connect();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ExecuteScalarAsync<int>($"SELECT id FROM notes WHERE id = -1", Ct));

        Assert.Contains("no row", error.Message, StringComparison.Ordinal);
        Assert.Null(await db.ExecuteScalarAsync<int?>($"SELECT NULL", Ct));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>($"SELECT 0", Ct));
        await using var transaction = await db.BeginTransactionAsync(cancellationToken: Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.ExecuteScalarAsync<int>($"SELECT id FROM notes WHERE id = -1", Ct));
    }

    private async Task FailsAsync(Func<TestDb, Task> run)
    {
        await using var db = database.Connect();
        await db.Notes.InsertAsync(new Note { Text = "one", Run = "errors" }, Ct);
        using var telemetry = new TelemetryRecorder(database.DatabaseName);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => run(db));

        Assert.Equal(NoSuchTable, error.ServerErrorCode);
        var span = telemetry.Activities.Single(a => ((string?)a.GetTagItem("db.query.text"))?.Contains("missing_table", StringComparison.Ordinal) == true);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        // The connection the failure happened on is usable afterwards.
        Assert.True(await db.Notes.AnyAsync(n => n.Run == "errors", Ct));
    }
}
