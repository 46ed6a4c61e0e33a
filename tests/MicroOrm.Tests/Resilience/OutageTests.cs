using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// A server of its own, stopped for 10 seconds under load and started again: during the outage every request fails
/// with a MicroOrm exception within its timeouts, and every request that starts once the server answers again (the
/// moment StartAgainAsync has opened a connection to it) succeeds, the first among them included, in under a second
/// each, with the same database object (no restart of the process, no pool to clear by hand).
/// </summary>
[Collection(StressCollection.Name)]
public sealed class OutageTests
{
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest a request after the restart may take: a new connection and one statement, on a loaded machine.</summary>
    private static readonly TimeSpan AfterRestart = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Requests_fail_cleanly_while_the_server_is_down_and_every_one_started_after_its_return_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ThrowawayServer.StartAsync(cancellationToken: ct);
        await using var scratch = await ScratchDatabase.CreateAsync(server, "outage", ct);
        await using var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = scratch.ConnectionString,
            ConnectionTimeout = ConnectionTimeout,
            CommandTimeout = CommandTimeout,
            MaximumPoolSize = 20,
        });
        await db.Schema.CreateAsync(ct);

        var clock = Stopwatch.StartNew();
        var requests = new ConcurrentBag<Request>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = clock.Elapsed;
                Exception? failure = null;
                try
                {
                    if (i % 2 == 0) await db.Counters.CountAsync(ct);
                    else await db.Counters.InsertAsync(new Counter($"w{worker}-{i}-{Guid.NewGuid():N}"), ct);
                }
                catch (Exception exception)
                {
                    failure = exception;
                    await Task.Delay(50, ct);
                }

                requests.Add(new Request(started, clock.Elapsed, failure));
                await Task.Delay(10, ct);
            }
        }, ct)).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var down = clock.Elapsed;
        await server.StopAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        await server.StartAgainAsync(ct);
        var up = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(8), ct);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = requests.OrderBy(r => r.Started).ToList();
        var summary = $"{all.Count} requests, {all.Count(r => r.Failure is not null)} failed; down at {down.TotalSeconds:0.0} s, up at {up.TotalSeconds:0.0} s";
        Assert.True(all.Count(r => r.Started < down && r.Failure is null) > 50, summary);
        Assert.True(all.Count(r => r.Started > down + TimeSpan.FromSeconds(1) && r.Started < up - TimeSpan.FromSeconds(1) && r.Failure is not null) > 10, "the outage was not felt: " + summary);
        Assert.All(all.Where(r => r.Failure is not null), r => Assert.IsAssignableFrom<MicroOrmException>(r.Failure));
        var longest = all.Max(r => r.Ended - r.Started);
        Assert.True(longest < ConnectionTimeout + CommandTimeout + TimeSpan.FromSeconds(1), $"a request waited {longest.TotalSeconds:0.0} s: " + summary);
        var after = all.Where(r => r.Started >= up).ToList();
        var failedAfter = after.Where(r => r.Failure is not null).ToList();
        Assert.True(failedAfter.Count == 0, $"{failedAfter.Count} requests started after the server came back failed, the first {(failedAfter.FirstOrDefault()?.Started - up)?.TotalMilliseconds:0} ms after: {failedAfter.FirstOrDefault()?.Failure?.Message}; " + summary);
        Assert.True(after.Count > 50, summary);
        var first = after[0];
        var slowestAfter = after.Max(r => r.Ended - r.Started);
        summary += $"; the first request after the restart started {(first.Started - up).TotalMilliseconds:0.0} ms after it and took {(first.Ended - first.Started).TotalMilliseconds:0.0} ms; the slowest after it took {slowestAfter.TotalMilliseconds:0.0} ms; the slowest of all {longest.TotalMilliseconds:0} ms";
        Assert.True(slowestAfter < AfterRestart, summary);
        TestContext.Current.SendDiagnosticMessage(summary);
    }

    private sealed record Request(TimeSpan Started, TimeSpan Ended, Exception? Failure);
}
