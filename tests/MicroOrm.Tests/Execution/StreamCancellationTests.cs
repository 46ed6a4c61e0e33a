using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Execution;

/// <summary>
/// A token cancelled while rows stream stops the stream at the next row with <see cref="OperationCanceledException"/>,
/// even when every row has already arrived from the server (so there is no query left to kill), and the connection
/// goes back to the pool, or on with the transaction, usable.
/// </summary>
public sealed class StreamCancellationTests(StreamCancellationTests.Fixture database) : IClassFixture<StreamCancellationTests.Fixture>
{
    private const int RowCount = 4857;
    private const int CancelAfter = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<bool> Paths => new() { false, true };

    public sealed class Fixture(ServerFixture server) : TestDbFixture(server)
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = Connect();
            await db.Notes.InsertManyAsync(Enumerable.Range(0, RowCount).Select(i => new Note { Text = "row " + i, Run = "stream" }), Ct);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public Task A_query_stream_stops_at_the_next_row_after_its_token_is_cancelled(bool inTransaction) =>
        StopsAsync(inTransaction, (db, token) => db.Notes.Where(n => n.Run == "stream").OrderBy(n => n.Id).AsAsyncEnumerable(token));

    [Theory]
    [MemberData(nameof(Paths))]
    public Task A_raw_sql_stream_stops_at_the_next_row_after_its_token_is_cancelled(bool inTransaction) =>
        StopsAsync(inTransaction, (db, token) => db.QueryAsAsyncEnumerable<Note>($"SELECT * FROM notes WHERE run = {"stream"} ORDER BY id", token));

    [Theory]
    [MemberData(nameof(Paths))]
    public Task A_projection_stream_stops_at_the_next_row_after_its_token_is_cancelled(bool inTransaction) =>
        StopsAsync(inTransaction, (db, token) => db.Notes.Where(n => n.Run == "stream").OrderBy(n => n.Id).Select(n => n.Text).AsAsyncEnumerable(token));

    [Theory]
    [MemberData(nameof(Paths))]
    public Task A_stream_given_its_token_through_WithCancellation_stops_too(bool inTransaction) =>
        StopsAsync(inTransaction, (db, token) => Relay(db.Notes.Where(n => n.Run == "stream").OrderBy(n => n.Id).AsAsyncEnumerable().WithCancellation(token)));

    /// <summary>Enumerates a stream that was given its token by <c>WithCancellation</c>, as <c>await foreach</c> would.</summary>
    private static async IAsyncEnumerable<T> Relay<T>(System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable<T> stream)
    {
        await foreach (var item in stream) yield return item;
    }

    private async Task StopsAsync<T>(bool inTransaction, Func<TestDb, CancellationToken, IAsyncEnumerable<T>> stream)
    {
        var application = "stream-" + Guid.NewGuid().ToString("N")[..8];
        using var pool = new PoolProbe(application);
        await using var db = TestDb.Connect(PoolProbe.Named(database.ConnectionString, application));
        var transaction = inTransaction ? await db.BeginTransactionAsync(cancellationToken: Ct) : null;
        using var cancel = new CancellationTokenSource();
        var read = 0;

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in stream(db, cancel.Token))
            {
                if (++read == CancelAfter) await cancel.CancelAsync();
            }
        });

        Assert.Equal(CancelAfter, read);
        Assert.Equal(cancel.Token, error.CancellationToken);
        // The connection is usable: the same transaction, or the pool, runs the next query.
        Assert.Equal(RowCount, await db.Notes.CountAsync(n => n.Run == "stream", Ct));
        if (transaction is not null)
        {
            await transaction.CommitAsync(Ct);
            await transaction.DisposeAsync();
        }

        Assert.Equal(0, pool.Used);
    }
}
