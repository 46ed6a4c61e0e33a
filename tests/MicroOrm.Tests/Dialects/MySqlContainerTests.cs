using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Testcontainers.MySql;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// MySQL 8.4 in Docker, where a Docker engine answers: the detected dialect's upsert inserts a row and then updates
/// it, with its row alias. Where none answers the test is skipped, and says so, so that a run without Docker never
/// reads as if MySQL had been checked: then the MySQL dialect is checked only by its golden files.
/// </summary>
public sealed class MySqlContainerTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MySql_8_4_detects_its_dialect_and_upserts_with_the_row_alias()
    {
        if (!DockerServerProvider.DockerMayAnswer())
        {
            Assert.Skip("MySQL 8.4 did not run: no Docker engine answered (DOCKER_HOST unset, no /var/run/docker.sock); the MySQL dialect was checked by its golden files only.");
        }

        var container = new MySqlBuilder("mysql:8.4").WithUsername("root").WithPassword("microorm").Build();
        await using (container)
        {
            await container.StartAsync(Ct);
            await using var db = TestDb.Connect(container.GetConnectionString());
            await db.Schema.CreateAsync(Ct);
            using var counter = new CommandCounter(new MySqlConnector.MySqlConnectionStringBuilder(container.GetConnectionString()).Database);

            var note = new Note { Text = "first", Run = "mysql-8.4" };
            await db.Notes.UpsertAsync(note, Ct);
            note.Text = "second";
            await db.Notes.UpsertAsync(note, Ct);

            Assert.Equal("second", (await db.Notes.FindAsync(note.Id, Ct))!.Text);
            Assert.Equal(1L, await db.Notes.CountAsync(n => n.Run == "mysql-8.4", Ct));
            Assert.All(
                counter.Commands.Where(c => c.Contains("ON DUPLICATE KEY UPDATE", StringComparison.Ordinal)),
                sql => Assert.Contains("AS `microorm_new` ON DUPLICATE KEY UPDATE", sql, StringComparison.Ordinal));
        }
    }
}
