using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// On MariaDB a multi-row insert takes its generated keys from RETURNING, row by row, so the keys are right even when
/// the step between keys is no longer the one MicroOrm read at first (a Galera cluster changes it as nodes come and
/// go; here a session setting changes it).
/// </summary>
public sealed class ReturningTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_multi_row_insert_takes_each_key_the_server_returns()
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var db = TestDb.FromConnection(connection);
        using var counter = new CommandCounter(database.DatabaseName);
        const string Run = "returning-keys";

        await db.Notes.InsertManyAsync([new Note { Text = "a", Run = Run }, new Note { Text = "b", Run = Run }], Ct);
        // The step changes after MicroOrm has read it: counting on from LAST_INSERT_ID() by the old step would be wrong.
        await db.ExecuteAsync($"SET SESSION auto_increment_increment = 7", Ct);
        var later = Enumerable.Range(0, 5).Select(i => new Note { Text = "later " + i, Run = Run }).ToList();
        await db.Notes.InsertManyAsync(later, Ct);
        await db.ExecuteAsync($"SET SESSION auto_increment_increment = 1", Ct);

        var stored = await db.Notes.Where(n => n.Run == Run).ToListAsync(Ct);
        foreach (var note in later) Assert.Equal(note.Text, stored.Single(s => s.Id == note.Id).Text);
        Assert.Equal(5, later.Select(n => n.Id).Distinct().Count());
        Assert.Equal(2, counter.Commands.Count(c => c.StartsWith("INSERT INTO `notes`", StringComparison.Ordinal) && c.Contains(" RETURNING `id`", StringComparison.Ordinal)));
    }
}
