using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Filters;

/// <summary>
/// <c>[SoftDelete]</c>: a delete marks the row (a time, or a flag) and every read skips it (find, list, count, any,
/// projections, groups, joins, both kinds of include, loads), while the row stays on the server;
/// <c>IgnoreQueryFilters(QueryFilter.SoftDelete)</c> sees it, restores it, and really deletes it. The rows are a
/// tenant's (the model has both filters), read through that tenant's database object.
/// </summary>
public sealed class SoftDeleteTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int Tenant = 7;

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_marks_the_row_with_the_time_and_every_read_skips_it()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var name = Unique("marked");
        var project = new Project { Name = name };
        await db.Projects.InsertAsync(project, Ct);
        var before = DateTime.UtcNow.AddSeconds(-5);

        Assert.Equal(1, await db.Projects.DeleteAsync(project, Ct));

        Assert.Null(await db.Projects.FindAsync(project.Id, Ct));
        Assert.Empty(await db.Projects.Where(p => p.Name == name).ToListAsync(Ct));
        Assert.Equal(0, await db.Projects.CountAsync(p => p.Name == name, Ct));
        Assert.False(await db.Projects.AnyAsync(p => p.Name == name, Ct));
        Assert.Empty(await db.Projects.Where(p => p.Name == name).Select(p => p.Id).ToListAsync(Ct));
        Assert.Empty(await db.Projects.Where(p => p.Name == name).GroupBy(p => p.Name).Select(p => (p.Name, Aggregates.Count())).ToListAsync(Ct));
        Assert.Empty(db.Projects.Where(p => p.Name == name).ToList());
        // The row is still there, marked with when it was deleted.
        var kept = await db.Projects.IgnoreQueryFilters(QueryFilter.SoftDelete).FindAsync(project.Id, Ct);
        Assert.NotNull(kept);
        Assert.InRange(kept.DeletedAt!.Value, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM projects WHERE id = {project.Id} AND deleted_at IS NOT NULL")));
    }

    [Fact]
    public async Task A_flag_column_is_set_and_includes_and_loads_skip_the_deleted_children_but_keep_the_parent()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var project = new Project { Name = Unique("parent"), Tasks = [new() { Title = "kept" }, new() { Title = "gone" }] };
        await db.Projects.InsertGraphAsync(project, Ct);
        var gone = project.Tasks.Single(t => t.Title == "gone");

        Assert.Equal(1, await db.ProjectTasks.DeleteAsync(gone.Id, Ct));

        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync($"SELECT is_deleted FROM project_tasks WHERE id = {gone.Id}")));
        var split = await db.Projects.Where(p => p.Id == project.Id).Include(p => p.Tasks).ToListAsync(Ct);
        var single = await db.Projects.Where(p => p.Id == project.Id).Include(p => p.Tasks).AsSingleQuery().ToListAsync(Ct);
        var loaded = await db.Projects.LoadAsync([project], p => p.Tasks, Ct);
        Assert.Equal(["kept"], split.Single().Tasks.Select(t => t.Title));
        Assert.Equal(["kept"], single.Single().Tasks.Select(t => t.Title));
        Assert.Equal(["kept"], loaded.Select(t => t.Title));

        // A parent whose only children are deleted still comes back, with none: the filter is in the join, not the WHERE.
        await db.ProjectTasks.Where(t => t.ProjectId == project.Id).DeleteAsync(Ct);
        var bare = await db.Projects.Where(p => p.Id == project.Id).Include(p => p.Tasks).AsSingleQuery().SingleAsync(Ct);
        Assert.Empty(bare.Tasks);
        var all = await db.Projects.Where(p => p.Id == project.Id).Include(p => p.Tasks).IgnoreQueryFilters(QueryFilter.SoftDelete).SingleAsync(Ct);
        Assert.Equal(["gone", "kept"], all.Tasks.Select(t => t.Title).Order());
    }

    [Fact]
    public async Task A_join_skips_deleted_rows_on_both_sides()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var live = new Project { Name = Unique("live"), Tasks = [new() { Title = "a" }, new() { Title = "b" }] };
        var dead = new Project { Name = Unique("dead"), Tasks = [new() { Title = "c" }] };
        await db.Projects.InsertGraphAsync(live, Ct);
        await db.Projects.InsertGraphAsync(dead, Ct);
        await db.Projects.DeleteAsync(dead, Ct);
        await db.ProjectTasks.DeleteAsync(live.Tasks[1], Ct);

        var pairs = await db.ProjectTasks.Join(db.Projects, (t, p) => t.ProjectId == p.Id)
            .Where((t, p) => p.Id == live.Id || p.Id == dead.Id)
            .ToListAsync(Ct);

        Assert.Equal(["a"], pairs.Select(pair => pair.Item1.Title));
    }

    [Fact]
    public async Task Set_based_and_all_row_deletes_mark_too_and_a_restore_brings_the_row_back()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var name = Unique("bulk");
        await db.Projects.InsertManyAsync([new Project { Name = name }, new Project { Name = name }], Ct);

        Assert.Equal(2, await db.Projects.Where(p => p.Name == name).DeleteAsync(Ct));
        Assert.Equal(0, await db.Projects.CountAsync(p => p.Name == name, Ct));
        Assert.Equal(2, await db.Projects.IgnoreQueryFilters(QueryFilter.SoftDelete).CountAsync(p => p.Name == name, Ct));

        var restored = await db.Projects.IgnoreQueryFilters(QueryFilter.SoftDelete).Where(p => p.Name == name).UpdateAsync(u => u.Set(p => p.DeletedAt, null), Ct);

        Assert.Equal(2, restored);
        Assert.Equal(2, await db.Projects.CountAsync(p => p.Name == name, Ct));
    }

    [Fact]
    public async Task Ignoring_the_filter_really_deletes_the_row_and_its_dependents()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var project = new Project { Name = Unique("hard"), Tasks = [new() { Title = "x" }] };
        await db.Projects.InsertGraphAsync(project, Ct);
        await db.Projects.DeleteAsync(project, Ct);

        Assert.Equal(1, await db.Projects.IgnoreQueryFilters(QueryFilter.SoftDelete).DeleteAsync(project, Ct));

        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM projects WHERE id = {project.Id}")));
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM project_tasks WHERE project_id = {project.Id}")));
    }

    [Fact]
    public async Task A_soft_delete_moves_the_version_on_so_the_entity_can_still_be_saved()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var project = new Project { Name = Unique("versioned") };
        await db.Projects.InsertAsync(project, Ct);
        var stale = await db.Projects.FindAsync(project.Id, Ct);

        await db.Projects.DeleteAsync(project, Ct);

        Assert.Equal(1, project.Version);
        project.Name += "-edited";
        Assert.Equal(1, await db.Projects.IgnoreQueryFilters(QueryFilter.SoftDelete).UpdateAsync(project, Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.Projects.DeleteAsync(stale!, Ct));
    }

    [Fact]
    public async Task An_entity_update_does_not_reach_a_row_marked_deleted_unless_the_filter_is_ignored()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);
        var project = new Project { Name = Unique("gone") };
        await db.Projects.InsertAsync(project, Ct);
        var task = new ProjectTask { ProjectId = project.Id, Title = "before" };
        await db.ProjectTasks.InsertAsync(task, Ct);
        await db.ProjectTasks.DeleteAsync(task, Ct);

        // What a copy read before the delete would send: its title, and "not deleted".
        task.Title = "after";
        task.IsDeleted = false;
        Assert.Equal(0, await db.ProjectTasks.UpdateAsync(task, Ct));
        Assert.Equal("before 1", await database.ScalarAsync($"SELECT CONCAT(title, ' ', is_deleted) FROM project_tasks WHERE id = {task.Id}"));

        Assert.Equal(1, await db.ProjectTasks.IgnoreQueryFilters(QueryFilter.SoftDelete).UpdateAsync(task, Ct));
        Assert.Equal("after 0", await database.ScalarAsync($"SELECT CONCAT(title, ' ', is_deleted) FROM project_tasks WHERE id = {task.Id}"));
    }

    [Fact]
    public async Task The_filters_are_written_before_the_query_s_own_conditions()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(Tenant);

        var sql = db.Projects.Where(p => p.Name == "x").ToSql();

        Assert.Equal(
            "SELECT `id`, `tenant_id`, `name`, `deleted_at`, `version` FROM `projects` WHERE ((`tenant_id` = @p0 AND `deleted_at` IS NULL) AND `name` = @p1)",
            sql.Text);
        Assert.Equal([(object?)Tenant, "x"], sql.Parameters.Select(p => p.Value));
        Assert.Equal(
            "SELECT `id`, `tenant_id`, `name`, `deleted_at`, `version` FROM `projects` WHERE (`tenant_id` = @p0 AND `name` = @p1)",
            db.Projects.IgnoreQueryFilters(QueryFilter.SoftDelete).Where(p => p.Name == "x").ToSql().Text);
    }

    private static string Unique(string label) => label + "-" + Guid.NewGuid().ToString("N")[..12];
}
