using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MicroOrm.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MicroOrm.Tests.Filters;

/// <summary>
/// <c>[TenantKey]</c>: a database object made for tenant A reads, counts, joins, includes, loads, updates, upserts and
/// deletes only A's rows, on every path, and gives A's key to what it inserts; rows of tenant B with the same names,
/// keys and even a child of B pointing at A's parent stay out of reach. A database object with no tenant refuses the
/// entity. The payloads of the injection corpus, as values, do not get past the filter either.
/// </summary>
public sealed class TenantFilterTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const int A = 1;
    private const int B = 2;

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_tenant_the_entity_is_refused_until_the_query_says_every_tenant()
    {
        await using var db = database.Connect();
        var name = Unique("none");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.Where(p => p.Name == name).ToListAsync(Ct));
        Assert.StartsWith("Project belongs to a tenant (TenantId), and this database object has none", refused.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.CountAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.FindAsync(1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.InsertAsync(new Project { Name = name }, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.DeleteAllAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Counters.Join(db.Projects, (c, p) => c.Id == p.Id).ToListAsync(Ct));
        Assert.Equal(0, await db.Projects.IgnoreQueryFilters(QueryFilter.Tenant).CountAsync(p => p.Name == name, Ct));
    }

    [Fact]
    public async Task Every_read_path_of_tenant_A_returns_only_A_s_rows()
    {
        var (a, b) = await SeedAsync("reads");
        await using var root = database.Connect();
        var db = root.ForTenant(A);
        var name = a.Name;

        Assert.Equal([a.Id], (await db.Projects.Where(p => p.Name == name).ToListAsync(Ct)).Select(p => p.Id));
        Assert.Equal([a.Id], db.Projects.Where(p => p.Name == name).ToList().Select(p => p.Id));
        Assert.Equal(1, await db.Projects.CountAsync(p => p.Name == name, Ct));
        Assert.Equal(a.Id, (await db.Projects.FirstAsync(p => p.Name == name, Ct)).Id);
        Assert.Null(await db.Projects.FindAsync(b.Id, Ct));
        Assert.Null(db.Projects.Find(b.Id));
        Assert.False(await db.Projects.AnyAsync(p => p.Id == b.Id, Ct));
        Assert.Equal([A], await db.Projects.Where(p => p.Name == name).Select(p => p.TenantId).ToListAsync(Ct));
        Assert.Equal([(name, 1L)], await db.Projects.Where(p => p.Name == name).GroupBy(p => p.Name).Select(p => (p.Name, Aggregates.Count())).ToListAsync(Ct));
        var streamed = new List<long>();
        await foreach (var project in db.Projects.Where(p => p.Name == name).AsAsyncEnumerable(Ct)) streamed.Add(project.Id);
        Assert.Equal([a.Id], streamed);
        Assert.Equal([a.Id], (await db.AsReadOnly().Projects.Where(p => p.Name == name).ToListAsync(Ct)).Select(p => p.Id));

        // B's task points at A's project: A's includes, loads and joins still leave it out.
        foreach (var single in new[] { false, true })
        {
            var query = db.Projects.Where(p => p.Name == name).Include(p => p.Tasks);
            var loaded = single ? await query.AsSingleQuery().SingleAsync(Ct) : await query.SingleAsync(Ct);
            Assert.Equal(["a-task"], loaded.Tasks.Select(t => t.Title));
        }

        Assert.Equal(["a-task"], (await db.Projects.LoadAsync([a], p => p.Tasks, Ct)).Select(t => t.Title));
        var pairs = await db.ProjectTasks.Join(db.Projects, (t, p) => t.ProjectId == p.Id).Where((t, p) => p.Id == a.Id || p.Id == b.Id).ToListAsync(Ct);
        Assert.Equal(["a-task"], pairs.Select(pair => pair.Item1.Title));
        // And for B, whose task points at A's project, the principal is not there to include.
        foreach (var single in new[] { false, true })
        {
            var query = root.ForTenant(B).ProjectTasks.Where(t => t.ProjectId == a.Id).Include(t => t.Project);
            var task = single ? await query.AsSingleQuery().SingleAsync(Ct) : await query.SingleAsync(Ct);
            Assert.Equal(("b-task-on-a", (Project?)null), (task.Title, task.Project));
        }

        // Every tenant, when the query says so.
        Assert.Equal(2, await root.Projects.IgnoreQueryFilters(QueryFilter.Tenant).CountAsync(p => p.Name == name, Ct));
    }

    [Fact]
    public async Task Tenant_A_cannot_update_upsert_or_delete_a_row_of_tenant_B()
    {
        var (a, b) = await SeedAsync("writes");
        await using var root = database.Connect();
        var db = root.ForTenant(A);
        var asB = await root.ForTenant(B).Projects.FindAsync(b.Id, Ct);

        var claimed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.UpdateAsync(asB!, Ct));
        Assert.StartsWith("This Project belongs to tenant 2 (TenantId), and is written for tenant 1: nothing was sent.", claimed.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.DeleteAsync(asB!, Ct));
        Assert.Equal(0, await db.Projects.DeleteAsync(b.Id, Ct));
        // A forged entity (B's key, no tenant) is claimed for A, and then matches no row of A: a version check says so.
        await Assert.ThrowsAsync<ConcurrencyException>(() => db.Projects.UpdateAsync(new Project { Id = b.Id, Name = "forged" }, Ct));
        Assert.Equal(1, await db.Projects.Where(p => p.Name == a.Name).UpdateAsync(u => u.Set(p => p.Name, a.Name + "-renamed"), Ct));
        var moved = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.Where(p => p.Id == a.Id).UpdateAsync(u => u.Set(p => p.TenantId, B), Ct));
        Assert.Contains("cannot set TenantId, the tenant key", moved.Message);
        Assert.Equal(0, await db.Projects.Where(p => p.Id == b.Id).DeleteAsync(Ct));
        var upsert = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.UpsertAsync(new Project { Id = b.Id, Name = "taken" }, Ct));
        Assert.Contains("taken by a row of another tenant", upsert.Message);

        var intact = await root.ForTenant(B).Projects.FindAsync(b.Id, Ct);
        Assert.Equal((b.Name, (DateTime?)null, 0), (intact!.Name, intact.DeletedAt, intact.Version));
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM project_tasks WHERE project_id = {b.Id} AND is_deleted = 0 AND tenant_id = {B}")));
    }

    [Fact]
    public async Task A_natural_key_taken_by_another_tenant_stops_an_upsert_and_an_update_and_leaves_the_row_as_it_was()
    {
        await using var root = database.Connect();
        var code = Unique("code");
        await root.ForTenant(B).TenantLabels.InsertAsync(new TenantLabel { Code = code, Text = "B's" }, Ct);
        var db = root.ForTenant(A);

        var upsert = await Assert.ThrowsAsync<InvalidOperationException>(() => db.TenantLabels.UpsertAsync(new TenantLabel { Code = code, Text = "A's" }, Ct));
        var updated = await db.TenantLabels.UpdateAsync(new TenantLabel { Code = code, Text = "A's" }, Ct);

        Assert.Contains("nothing was written", upsert.Message);
        Assert.Equal(0, updated);
        Assert.Equal("B's", (await root.ForTenant(B).TenantLabels.FindAsync(code, Ct))!.Text);
        var own = Unique("own");
        Assert.Equal(1, await db.TenantLabels.UpsertAsync(new TenantLabel { Code = own, Text = "first" }, Ct));
        Assert.Equal(2, await db.TenantLabels.UpsertAsync(new TenantLabel { Code = own, Text = "second" }, Ct));
        Assert.Equal("second", (await db.TenantLabels.FindAsync(own, Ct))!.Text);
    }

    [Fact]
    public async Task Inserts_take_the_tenant_and_refuse_another_one()
    {
        await using var root = database.Connect();
        var db = root.ForTenant(A);
        var name = Unique("insert");

        var one = new Project { Name = name };
        await db.Projects.InsertAsync(one, Ct);
        var many = new[] { new Project { Name = name }, new Project { Name = name, TenantId = A } };
        db.Projects.InsertMany(many);
        var graph = new Project { Name = name, Tasks = [new() { Title = "t" }] };
        await db.Projects.InsertGraphAsync(graph, Ct);
        var foreign = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Projects.InsertAsync(new Project { Name = name, TenantId = B }, Ct));

        Assert.Equal([A, A, A, A], new[] { one, many[0], many[1], graph }.Select(p => p.TenantId));
        Assert.Equal(A, graph.Tasks[0].TenantId);
        Assert.Contains("belongs to tenant 2", foreign.Message);
        Assert.Equal(4L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM projects WHERE name = '{name}' AND tenant_id = {A}")));
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM projects WHERE name = '{name}' AND tenant_id <> {A}")));
    }

    [Fact]
    public async Task The_injection_corpus_as_values_never_reaches_another_tenant_s_rows()
    {
        await using var root = database.Connect();
        var payloads = InjectionCorpus.Payloads.Where(p => p.Length <= 100 && !p.Contains('\0')).ToList();
        // B holds a row named like each payload; A holds none. Any row A reads is a leak.
        await root.ForTenant(B).Projects.InsertManyAsync(payloads.Select(p => new Project { Name = p }), Ct);
        var db = root.ForTenant(A);
        var leaks = new List<string>();

        foreach (var payload in payloads)
        {
            var found = await db.Projects.Where(p => p.Name == payload | p.Name.StartsWith(payload) | p.Name.Contains(payload)).ToListAsync(Ct);
            var counted = await db.Projects.CountAsync(p => p.Name == payload, Ct);
            var loaded = await db.Projects.Where(p => p.Name == payload).Include(p => p.Tasks).AsSingleQuery().ToListAsync(Ct);
            var changed = await db.Projects.Where(p => p.Name == payload).UpdateAsync(u => u.Set(p => p.Name, payload), Ct);
            // A has no row named like a payload (an empty pattern matches A's own rows, never B's).
            if (found.Any(f => f.TenantId != A) || counted + loaded.Count + changed > 0) leaks.Add($"{payload}: found tenants {string.Join(",", found.Select(f => f.TenantId).Distinct())}, counted {counted}, loaded {loaded.Count}, changed {changed}");
        }

        Assert.Empty(leaks);
        // Each payload does find B's row for B: the queries above would have matched it.
        Assert.Equal(payloads.Count, await root.ForTenant(B).Projects.CountAsync(p => p.Name.In(payloads), Ct));
    }

    [Fact]
    public async Task A_scope_s_injected_database_serves_the_scope_s_tenant()
    {
        var (a, b) = await SeedAsync("scopes");
        await using var provider = new ServiceCollection()
            .AddMicroOrm<TestDb>(database.ConnectionString)
            .AddScoped<CurrentTenant>()
            .AddMicroOrmTenant<TestDb, int>(services => services.GetRequiredService<CurrentTenant>().Id)
            .BuildServiceProvider();

        var seen = new Dictionary<int, long[]>();
        foreach (var tenant in new[] { A, B })
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenant;
            var db = scope.ServiceProvider.GetRequiredService<TestDb>();
            Assert.Same(db, scope.ServiceProvider.GetRequiredService<TestDb>());
            seen[tenant] = (await db.Projects.Where(p => p.Name == a.Name).ToListAsync(Ct)).Select(p => p.Id).ToArray();
        }

        Assert.Equal([a.Id], seen[A]);
        Assert.Equal([b.Id], seen[B]);
    }

    [Fact]
    public void A_tenant_of_the_wrong_type_is_refused_when_the_scope_makes_its_database()
    {
        using var provider = new ServiceCollection()
            .AddMicroOrm<TestDb>(database.ConnectionString)
            .AddMicroOrmTenant<TestDb, string>(_ => "acme")
            .BuildServiceProvider();
        using var scope = provider.CreateScope();

        var error = Assert.Throws<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<TestDb>());

        Assert.StartsWith("A tenant of TestDb is of type int, not String.", error.Message);
    }

    /// <summary>A project of A and one of B with the same name, each with a task, and a task of B pointing at A's project.</summary>
    private async Task<(Project A, Project B)> SeedAsync(string label)
    {
        await using var root = database.Connect();
        var name = Unique(label);
        var a = new Project { Name = name, Tasks = [new() { Title = "a-task" }] };
        var b = new Project { Name = name, Tasks = [new() { Title = "b-task" }] };
        await root.ForTenant(A).Projects.InsertGraphAsync(a, Ct);
        await root.ForTenant(B).Projects.InsertGraphAsync(b, Ct);
        await root.ForTenant(B).ProjectTasks.InsertAsync(new ProjectTask { ProjectId = a.Id, Title = "b-task-on-a" }, Ct);
        return (a, b);
    }

    private static string Unique(string label) => label + "-" + Guid.NewGuid().ToString("N")[..12];

    private sealed class CurrentTenant
    {
        public int Id { get; set; }
    }
}
