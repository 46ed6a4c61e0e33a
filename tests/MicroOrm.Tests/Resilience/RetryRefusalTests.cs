using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// The failures a unit of work is never run again for, though retries are allowed (MaxAttempts 5): a duplicate key,
/// a syntax error, a command timeout, a cancellation, and a transient failure in a unit nested in a transaction the
/// caller opened (only the caller can run the whole transaction again). Each runs its delegate once and records no retry.
/// </summary>
public sealed class RetryRefusalTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duplicate_key_is_not_retried()
    {
        var name = Unique();
        var (error, attempts, retries) = await RunAsync<MicroOrmException>(async (db, ct) =>
        {
            await db.Counters.InsertAsync(new Counter(name), ct);
            await db.Counters.InsertAsync(new Counter(name), ct);
        });

        Assert.Equal((1062, 1, 0), (error.ServerErrorCode, attempts, retries));
    }

    [Fact]
    public async Task A_syntax_error_is_not_retried()
    {
        var (error, attempts, retries) = await RunAsync<MicroOrmException>(async (db, ct) => await db.ExecuteAsync($"SELEKT 1", ct));

        Assert.Equal((1064, 1, 0), (error.ServerErrorCode, attempts, retries));
    }

    [Fact]
    public async Task A_command_timeout_is_not_retried()
    {
        var (error, attempts, retries) = await RunAsync<MicroOrmException>(
            async (db, ct) => await db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", ct),
            commandTimeout: TimeSpan.FromSeconds(1));

        Assert.StartsWith("The command did not finish within the command timeout (CommandTimeout)", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), (attempts, retries));
    }

    [Fact]
    public async Task A_cancellation_is_not_retried()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var (_, attempts, retries) = await RunAsync<OperationCanceledException>(
            async (db, ct) => await db.ExecuteScalarAsync<long>($"SELECT SLEEP(5)", ct),
            cancellationToken: cancel.Token);

        Assert.Equal((1, 0), (attempts, retries));
    }

    [Fact]
    public async Task A_transient_failure_in_a_unit_nested_in_the_callers_transaction_is_not_retried()
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect();
        var attempts = 0;
        await using var outer = await db.BeginTransactionAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            // A deadlock as the server reports one, raised without the rollback a real one does to the outer transaction.
            await tx.ExecuteAsync($"BEGIN NOT ATOMIC SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock'; END", ct);
        }, cancellationToken: Ct));

        Assert.Equal((1213, 1, 0), (error.ServerErrorCode, attempts, telemetry.Of(MicroOrmTelemetry.Retries).Count()));
    }

    private TestDb Connect(TimeSpan? commandTimeout = null) => TestDb.Connect(new MicroOrmOptions
    {
        ConnectionString = database.ConnectionString,
        CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(30),
        Retry = { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(10) },
    });

    /// <summary>Runs <paramref name="work"/> as a unit of work that must fail with <typeparamref name="TError"/>; counts its attempts and the retries recorded.</summary>
    private async Task<(TError Error, int Attempts, int Retries)> RunAsync<TError>(
        Func<TestDb, CancellationToken, Task> work, TimeSpan? commandTimeout = null, CancellationToken? cancellationToken = null)
        where TError : Exception
    {
        using var telemetry = new TelemetryRecorder(database.DatabaseName);
        await using var db = Connect(commandTimeout);
        var attempts = 0;

        var error = await Assert.ThrowsAnyAsync<TError>(() => db.RunInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            await work(db, ct);
        }, cancellationToken: cancellationToken ?? Ct));

        return (error, attempts, telemetry.Of(MicroOrmTelemetry.Retries).Count());
    }

    private static string Unique() => "refused-" + Guid.NewGuid().ToString("N")[..8];
}
