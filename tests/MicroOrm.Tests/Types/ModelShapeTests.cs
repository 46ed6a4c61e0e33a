using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>Composite and client-set keys, positional records, init/required members, private setters, timestamps and DDL.</summary>
public sealed class ModelShapeTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Fact]
    public async Task A_composite_key_finds_updates_and_deletes_by_both_columns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        await db.Memberships.InsertManyAsync(
            [
                new Membership { UserId = 1, GroupId = 1, Role = "owner", JoinedOn = new DateOnly(2024, 1, 1) },
                new Membership { UserId = 1, GroupId = 2, JoinedOn = new DateOnly(2024, 2, 1) },
                new Membership { UserId = 2, GroupId = 1, JoinedOn = new DateOnly(2024, 3, 1) },
            ], ct);

        var found = await db.Memberships.FindAsync((1, 2), ct);
        Assert.Equal("member", found!.Role);
        found.Role = "admin";
        Assert.Equal(1, await db.Memberships.UpdateAsync(found, ct));
        Assert.Equal("admin", (await db.Memberships.FindAsync((1, 2), ct))!.Role);
        Assert.Equal(1, await db.Memberships.DeleteAsync((1, 2), ct));
        Assert.Null(await db.Memberships.FindAsync((1, 2), ct));
        Assert.Equal(2, await db.Memberships.CountAsync(ct));
    }

    [Fact]
    public async Task A_client_set_guid_key_is_kept_and_timestamps_are_stamped_in_utc()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var id = Guid.NewGuid();
        var document = new Document { Id = id, Title = "Spec", Body = new string('b', 70_000) };
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await db.Documents.InsertAsync(document, ct);

        Assert.Equal(id, document.Id);
        Assert.InRange(document.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(document.CreatedAt, document.UpdatedAt);
        var stored = await db.Documents.FindAsync(id, ct);
        Assert.Equal(document.CreatedAt, stored!.CreatedAt);
        Assert.Equal(70_000, stored.Body.Length);

        await Task.Delay(20, ct);
        stored.Title = "Spec v2";
        await db.Documents.UpdateAsync(stored, ct);
        var updated = await db.Documents.FindAsync(id, ct);
        Assert.Equal(document.CreatedAt, updated!.CreatedAt);
        Assert.True(updated.UpdatedAt > updated.CreatedAt);
    }

    [Fact]
    public async Task A_positional_record_is_built_through_its_constructor_and_gets_its_generated_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var point = new Point(0, 1.5, -2.25, null);

        await db.Points.InsertAsync(point, ct);

        Assert.True(point.Id > 0);
        Assert.Equal(point, await db.Points.FindAsync(point.Id, ct));
    }

    [Fact]
    public async Task Required_and_init_only_members_are_read_and_stamped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var setting = new Setting { Name = "theme", Value = "dark" };

        await db.Settings.InsertAsync(setting, ct);

        Assert.True(setting.Id > 0);
        Assert.NotEqual(default, setting.ChangedAt);
        var stored = await db.Settings.FindAsync(setting.Id, ct);
        Assert.Equal(("theme", "dark", setting.ChangedAt), (stored!.Name, stored.Value, stored.ChangedAt));
    }

    [Fact]
    public async Task Private_setters_and_constructors_are_used_by_the_generated_code()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var counter = new Counter("visits") { Value = 3 };

        await db.Counters.InsertAsync(counter, ct);

        var stored = await db.Counters.FindAsync(counter.Id, ct);
        Assert.Equal(("visits", 3), (stored!.Name, stored.Value));
    }

    [Fact]
    public async Task A_unique_index_refuses_a_duplicate_naming_the_key_and_column()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        await db.Counters.InsertAsync(new Counter("unique-name"), ct);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Counters.InsertAsync(new Counter("unique-name"), ct));

        Assert.Equal(1062, error.ServerErrorCode);
        Assert.Equal("counters", error.Table);
        Assert.Equal("name", error.Column);
        Assert.Contains("ux_counter_name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unique-name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ddl_declares_keys_indexes_column_types_and_utf8mb4()
    {
        var ct = TestContext.Current.CancellationToken;
        var schema = database.DatabaseName;

        Assert.Equal("ix_memberships_role_joined_on,role,joined_on|PRIMARY,user_id,group_id", await database.ScalarAsync(
            $"SELECT GROUP_CONCAT(DISTINCT CONCAT(index_name, ',', cols) ORDER BY index_name SEPARATOR '|') FROM (SELECT index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS cols FROM information_schema.statistics WHERE table_schema = '{schema}' AND table_name = 'memberships' GROUP BY index_name) i"));
        Assert.Equal("char(36)", await database.ScalarAsync($"SELECT column_type FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'documents' AND column_name = 'id'"));
        Assert.Equal("mediumtext", await database.ScalarAsync($"SELECT column_type FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'documents' AND column_name = 'body'"));
        Assert.Equal("decimal(65,30)", await database.ScalarAsync($"SELECT column_type FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'all_types' AND column_name = 'huge'"));
        Assert.Equal("utf8mb4_unicode_520_ci", await database.ScalarAsync($"SELECT table_collation FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name = 'all_types'"));

        await using var db = database.Connect();
        await db.Schema.CreateAsync(ct);
        Assert.Equal((long)db.Schema.Tables.Count, await database.ScalarAsync($"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{schema}'"));
    }
}
