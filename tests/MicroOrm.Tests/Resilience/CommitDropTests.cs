using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// A connection dropped by the proxy at the moment COMMIT goes through, before the server sees it or before the client
/// hears the answer. Without a check, every trial ends as a success, a rollback or CommitOutcomeUnknownException,
/// and none is run again; with <c>verifyCommitted</c>, every trial ends with its work done exactly once.
/// </summary>
public sealed class CommitDropTests(TestDbFixture database) : IClassFixture<TestDbFixture>, IAsyncLifetime
{
    private const int Trials = 20;
    private FaultProxy _proxy = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _proxy = FaultProxy.Start(database.ConnectionString);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _proxy.DisposeAsync();

    [Theory]
    [InlineData(CommitFault.DropBeforeServer, 0)]
    [InlineData(CommitFault.DropBeforeReply, 1)]
    public async Task A_commit_whose_outcome_is_unknown_is_reported_as_such_and_never_run_again(CommitFault fault, int markersExpected)
    {
        await using var db = TestDb.Connect(_proxy.ConnectionString(database.ConnectionString));
        var run = Guid.NewGuid().ToString("N")[..8];

        for (var trial = 0; trial < Trials; trial++)
        {
            var name = $"{run}-{trial}";
            var attempts = 0;
            _proxy.FailNextCommit(fault);

            var error = await Assert.ThrowsAsync<CommitOutcomeUnknownException>(() => db.RunInTransactionAsync(async (tx, ct) =>
            {
                attempts++;
                await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = 0 }, ct);
                await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = 1, IsMarker = true }, ct);
            }, cancellationToken: Ct));

            Assert.Equal(1, attempts);
            Assert.Equal("COMMIT", error.Sql);
            Assert.Equal(markersExpected * 2L, await CountAsync(name));
        }
    }

    [Theory]
    [InlineData(CommitFault.DropBeforeServer, 2)]
    [InlineData(CommitFault.DropBeforeReply, 1)]
    public async Task With_verifyCommitted_every_trial_ends_with_its_work_done_exactly_once(CommitFault fault, int attemptsExpected)
    {
        await using var db = TestDb.Connect(_proxy.ConnectionString(database.ConnectionString));
        var run = Guid.NewGuid().ToString("N")[..8];

        for (var trial = 0; trial < Trials; trial++)
        {
            var name = $"{run}-{trial}";
            var attempts = 0;
            _proxy.FailNextCommit(fault);

            var result = await db.RunInTransactionAsync(
                async (tx, ct) =>
                {
                    attempts++;
                    await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = 0 }, ct);
                    await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = 1, IsMarker = true }, ct);
                    return name;
                },
                verifyCommitted: ct => db.TrialRows.AnyAsync(r => r.Trial == name && r.IsMarker == true, ct),
                cancellationToken: Ct);

            Assert.Equal((name, attemptsExpected), (result, attempts));
            Assert.Equal(2L, await CountAsync(name));
        }
    }

    /// <summary>
    /// The COMMIT is still on its way when the client has lost the connection: a check run at once on another
    /// connection would see nothing committed, the unit would run again, and then the first COMMIT would land as well.
    /// MicroOrm ends the lost session first, so the late COMMIT finds it gone and the work is done exactly once.
    /// </summary>
    [Fact]
    public async Task With_verifyCommitted_a_commit_still_on_its_way_is_settled_before_the_check()
    {
        await using var db = TestDb.Connect(_proxy.ConnectionString(database.ConnectionString));
        var run = Guid.NewGuid().ToString("N")[..8];

        for (var trial = 0; trial < 5; trial++)
        {
            var name = $"{run}-late-{trial}";
            var attempts = 0;
            var lateBefore = _proxy.LateCommitsSent;
            _proxy.FailNextCommit(CommitFault.DropClientThenCommitLate);

            await db.RunInTransactionAsync(
                async (tx, ct) =>
                {
                    attempts++;
                    await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = 0 }, ct);
                    await db.TrialRows.InsertAsync(new TrialRow { Trial = name, Step = 1, IsMarker = true }, ct);
                    return name;
                },
                verifyCommitted: ct => db.TrialRows.AnyAsync(r => r.Trial == name && r.IsMarker == true, ct),
                cancellationToken: Ct);

            // The held COMMIT has been sent (or found its session gone) before the rows are counted.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (_proxy.LateCommitsSent == lateBefore && DateTime.UtcNow < deadline) await Task.Delay(20, Ct);
            await Task.Delay(200, Ct);

            Assert.Equal(lateBefore + 1, _proxy.LateCommitsSent);
            Assert.Equal(2, attempts);
            Assert.Equal(2L, await CountAsync(name));
        }
    }

    [Fact]
    public async Task A_commit_the_proxy_lets_through_succeeds_and_the_proxy_saw_it()
    {
        await using var db = TestDb.Connect(_proxy.ConnectionString(database.ConnectionString));
        var name = Guid.NewGuid().ToString("N")[..8];
        var before = _proxy.CommitsSeen;

        await db.RunInTransactionAsync(async (tx, ct) => await db.TrialRows.InsertAsync(new TrialRow { Trial = name }, ct), cancellationToken: Ct);

        Assert.Equal(before + 1, _proxy.CommitsSeen);
        Assert.Equal(1L, await CountAsync(name));
    }

    private async Task<long> CountAsync(string trial)
    {
        await using var direct = database.Connect();
        return await direct.TrialRows.CountAsync(r => r.Trial == trial, Ct);
    }
}
