using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>
/// <c>[TrackChanges]</c>: an update sends only the columns assigned since the entity was read or written (and the
/// stamp and version it always moves), so two writers that change different columns of one row both keep their
/// change; an entity nobody assigned to sends nothing; what could not be written stays pending.
/// </summary>
public sealed class PartialUpdateTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_sends_only_the_assigned_columns_and_the_rest_of_the_row_stays()
    {
        var sent = new SqlLog();
        await using var db = Connect(sent);
        var article = new Article { Title = "First", Body = "Long text", Views = 1 };
        await db.Articles.InsertAsync(article, Ct);
        await database.ExecuteAsync($"UPDATE articles SET body = 'changed by someone else' WHERE id = {article.Id}");
        sent.Clear();

        article.Title = "Second";
        var rows = await db.Articles.UpdateAsync(article, Ct);

        Assert.Equal(1, rows);
        Assert.Equal(["UPDATE `articles` SET `title` = @p0, `updated_at` = @p1, `version` = `version` + 1 WHERE `id` = @p2 AND `version` = @p3"], sent.Statements);
        var stored = await db.Articles.FindAsync(article.Id, Ct);
        Assert.Equal(("Second", "changed by someone else", 1, 1), (stored!.Title, stored.Body, stored.Views, stored.Version));
        Assert.Equal(1, article.Version);
    }

    [Fact]
    public async Task Two_writers_changing_different_columns_of_one_row_both_keep_their_change()
    {
        await using var db = Connect();
        var article = new Article { Title = "Draft", Body = "Body", Views = 0 };
        await db.Articles.InsertAsync(article, Ct);
        var first = await db.Articles.FindAsync(article.Id, Ct);
        var second = await db.Articles.FindAsync(article.Id, Ct);

        first!.Title = "Edited title";
        await db.Articles.UpdateAsync(first, Ct);
        // The second writer's version is stale: the token refuses its write, and its assignment waits.
        second!.Views = 42;
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.Articles.UpdateAsync(second, Ct));
        second.Version = first.Version;
        await db.Articles.UpdateAsync(second, Ct);

        var stored = await db.Articles.FindAsync(article.Id, Ct);
        Assert.Equal(("Edited title", 42), (stored!.Title, stored.Views));
    }

    [Fact]
    public async Task An_entity_nobody_assigned_to_sends_nothing_after_a_read_an_insert_or_an_update()
    {
        var sent = new SqlLog();
        await using var db = Connect(sent);
        var article = new Article { Title = "Quiet", Body = "", Views = 0 };
        await db.Articles.InsertAsync(article, Ct);
        var read = (await db.Articles.Where(a => a.Id == article.Id).ToListAsync(Ct)).Single();
        sent.Clear();

        Assert.Equal(0, await db.Articles.UpdateAsync(article, Ct));
        Assert.Equal(0, db.Articles.Update(read));
        read.Views = 5;
        Assert.Equal(1, db.Articles.Update(read));
        Assert.Equal(0, await db.Articles.UpdateAsync(read, Ct));

        Assert.Single(sent.Statements);
        Assert.StartsWith("UPDATE `articles` SET `views` = @p0, `updated_at` = @p1,", sent.Statements[0]);
    }

    [Fact]
    public async Task An_entity_made_by_hand_with_its_key_patches_only_what_it_set()
    {
        await using var db = Connect();
        var article = new Article { Title = "Original", Body = "Kept", Views = 3 };
        await db.Articles.InsertAsync(article, Ct);

        var patch = new Article { Id = article.Id, Version = article.Version, Title = "Patched" };
        await db.Articles.UpdateAsync(patch, Ct);

        var stored = await db.Articles.FindAsync(article.Id, Ct);
        Assert.Equal(("Patched", "Kept", 3), (stored!.Title, stored.Body, stored.Views));
        // What is assigned is checked as before; what is not (Body is null here) is the row's, not this write's.
        patch.Title = new string('x', 201);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => db.Articles.UpdateAsync(patch, Ct));
        Assert.Equal(["Title"], invalid.Errors.Select(e => e.Member));
    }

    [Fact]
    public async Task A_write_that_matched_no_row_keeps_its_assignments_pending()
    {
        await using var db = Connect();
        var article = new Article { Title = "Gone soon", Body = "", Views = 0 };
        await db.Articles.InsertAsync(article, Ct);
        await database.ExecuteAsync($"DELETE FROM articles WHERE id = {article.Id}");

        article.Title = "Never written";
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.Articles.UpdateAsync(article, Ct));
        await db.Articles.InsertAsync(article, Ct);

        Assert.Equal("Never written", (await db.Articles.FindAsync(article.Id, Ct))!.Title);
    }

    private TestDb Connect(SqlLog? log = null)
    {
        var options = new MicroOrmOptions { ConnectionString = database.ConnectionString };
        if (log is not null) options.Interceptors.Add(log);
        return TestDb.Connect(options);
    }

    /// <summary>The SQL of every command sent, in order.</summary>
    private sealed class SqlLog : ICommandInterceptor
    {
        private readonly List<string> _statements = [];

        public IReadOnlyList<string> Statements
        {
            get
            {
                lock (_statements) return _statements.ToList();
            }
        }

        public void Clear()
        {
            lock (_statements) _statements.Clear();
        }

        public void Executing(CommandContext command)
        {
            lock (_statements) _statements.Add(command.Sql);
        }

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception)
        {
        }
    }
}
