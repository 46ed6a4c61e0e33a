using System;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Api;

/// <summary>
/// The synchronous API does its I/O synchronously, with MySqlConnector's own synchronous calls, never by waiting on
/// asynchronous ones. Every reply here arrives late through a relay, so an asynchronous call could never have finished
/// at once; MicroOrm's synchronous path refuses to go on with one that has not, so each operation completing proves it.
/// </summary>
public sealed class SyncIoTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Theory]
    [MemberData(nameof(SyncParityTests.CaseNames), MemberType = typeof(SyncParityTests))]
    public async Task A_sync_operation_completes_on_synchronous_io_when_every_reply_is_late(string name)
    {
        var run = await SyncParityTests.SeedAsync(database, name == "Single" ? 1 : 3);
        await using var proxy = LatencyProxy.Start(database.ConnectionString, TimeSpan.FromMilliseconds(1));
        var thread = Environment.CurrentManagedThreadId;
        string result;
        using (var db = TestDb.Connect(proxy.ConnectionString(database.ConnectionString)))
        {
            try
            {
                result = SyncParityTests.Cases[name].Sync(db, run);
            }
            catch (MicroOrmException) when (name.StartsWith("Error", StringComparison.Ordinal))
            {
                result = "failed as expected";
            }
            catch (InvalidOperationException error) when (name.StartsWith("Error", StringComparison.Ordinal) && !error.Message.Contains("did not complete synchronously", StringComparison.Ordinal))
            {
                result = "failed as expected";
            }
        }

        Assert.NotNull(result);
        // Nothing hopped to another thread: a synchronous call has no continuation to run elsewhere.
        Assert.Equal(thread, Environment.CurrentManagedThreadId);
    }
}
