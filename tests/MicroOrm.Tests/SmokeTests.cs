using System;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Tests;

public sealed class SmokeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Insert_query_update_delete()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = AppDb.Connect(database.ConnectionString);
        await db.Schema.CreateAsync(ct);
        var la = new State { Name = "Louisiana" };
        await db.States.InsertAsync(la, ct);
        Assert.True(la.Id > 0);
        await db.States.InsertManyAsync([new State { Name = "Nevada" }, new State { Name = "Texas" }], ct);
        var ns = await db.States.Where(s => s.Name.StartsWith("N")).OrderBy(s => s.Id).ToListAsync(ct);
        Assert.Single(ns);
        Console.WriteLine(db.States.Where(s => s.Name.Contains("a") && s.Id > 1).OrderByDescending(s => s.Name).Skip(1).Take(2).ToSql());
        var found = await db.States.FindAsync(la.Id, ct);
        Assert.Equal("Louisiana", found!.Name);
        Assert.Equal(1, await db.States.Where(s => s.Id == la.Id).UpdateAsync(u => u.Set(s => s.Name, "New Mexico"), ct));
        Assert.Equal(2, await db.States.Where(s => s.Name.StartsWith("N")).CountAsync(ct));
        var pairs = await db.States.Select(s => (s.Id, s.Name)).ToListAsync(ct);
        Assert.Equal(3, pairs.Count);
        Assert.Equal(1, await db.States.DeleteAsync(la.Id, ct));
    }
}
