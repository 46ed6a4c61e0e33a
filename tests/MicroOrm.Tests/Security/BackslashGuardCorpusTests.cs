using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Security;

/// <summary>
/// The case the backslash guard exists for: the session's sql_mode and the connection string disagree about
/// NO_BACKSLASH_ESCAPES. The whole corpus goes through every API (<see cref="InjectionApis"/>) in each direction, on a
/// borrowed connection and inside a pooled database object's transaction whose session changed its mode. Every
/// command carrying a backslash must be refused with nothing sent but the guard's own look at sql_mode; every other
/// command must work as usual; no row may change but those the accepted commands write.
/// </summary>
[Collection(InjectionServerCollection.Name)]
public sealed class BackslashGuardCorpusTests(InjectionServerFixture server, ITestOutputHelper output)
{
    private const string AddMode = "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')";
    private const string DropMode = "SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')";

    [Fact]
    public async Task Every_payload_with_a_backslash_is_refused_unsent_when_the_session_disagrees_with_the_connection_string()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = new List<InjectionRun>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // The dangerous direction: the connection string claims NO_BACKSLASH_ESCAPES, so MySqlConnector would not
            // escape a backslash, and the session reads \' as an escaped quote.
            await using (var connection = await OpenAsync(noBackslashEscapes: true, setMode: null))
            await using (var borrowed = TestDb.FromConnection(connection))
                runs.Add(await InjectionTests.RunAsync(new InjectionRun(server, borrowed, "claim.conn", guardAsksEveryCommand: true, refusesBackslashes: true, leasesPerCommand: false), ct));

            // The other direction: the session set the mode itself, the connection string does not say so.
            await using (var connection = await OpenAsync(noBackslashEscapes: false, setMode: AddMode))
            await using (var borrowed = TestDb.FromConnection(connection))
                runs.Add(await InjectionTests.RunAsync(new InjectionRun(server, borrowed, "set.conn", guardAsksEveryCommand: true, refusesBackslashes: true, leasesPerCommand: false), ct));

            // A pool aligned with the server's default, whose session then sets the mode in a transaction.
            runs.Add(await InPooledTransactionAsync("set.pool", dropMode: false, ct));

            // A pool aligned with a server that defaults to the mode, whose session then drops it in a transaction.
            await server.SetDefaultModeAsync("NO_BACKSLASH_ESCAPES");
            runs.Add(await InPooledTransactionAsync("drop.pool", dropMode: true, ct));
        }
        finally
        {
            await server.SetDefaultModeAsync("");
        }

        InjectionTests.Report(output, "backslash guard corpus", runs, "session and connection string disagreeing both ways, borrowed and pooled", clock.Elapsed);
    }

    private async Task<InjectionRun> InPooledTransactionAsync(string label, bool dropMode, System.Threading.CancellationToken ct)
    {
        await using var pooled = TestDb.Connect(server.ConnectionString);
        // READ COMMITTED: the rows each API's setup writes through another session are visible inside the transaction.
        await using var transaction = await pooled.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await (dropMode ? pooled.ExecuteUnsafeAsync(DropMode, ct) : pooled.ExecuteUnsafeAsync(AddMode, ct));
        // The guard's one look at the changed session, cached for the rest of the transaction.
        await Assert.ThrowsAsync<MicroOrmException>(() => pooled.ExecuteScalarAsync<string>($"SELECT {"\\"}", ct));
        var run = await InjectionTests.RunAsync(new InjectionRun(server, pooled, label, guardAsksEveryCommand: false, refusesBackslashes: true, leasesPerCommand: false), ct);
        await transaction.CommitAsync(ct);
        return run;
    }

    private async Task<MySqlConnection> OpenAsync(bool noBackslashEscapes, string? setMode)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(server.ConnectionString) { NoBackslashEscapes = noBackslashEscapes }.ConnectionString);
        await connection.OpenAsync();
        if (setMode is not null)
        {
            await using var set = new MySqlCommand(setMode, connection);
            await set.ExecuteNonQueryAsync();
        }

        return connection;
    }
}
