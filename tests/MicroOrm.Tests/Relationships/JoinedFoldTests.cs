using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using Xunit;

namespace MicroOrm.Tests.Relationships;

/// <summary>
/// The joined strategy folds its rows into the same graph the split strategy loads, for every include shape: one
/// chain, a deeper chain, and two branches whose cross product repeats rows out of order, where the fold's fast path
/// (the same key as on the row before) has to give way to its maps.
/// </summary>
public sealed class JoinedFoldTests(GraphFixture graph) : IClassFixture<GraphFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_chain_folds_to_the_split_graph()
    {
        await using var db = graph.Connect();
        var query = db.States.Include(s => s.Cities).Where(s => s.Id <= 40).OrderBy(s => s.Id);

        Assert.Equal(Describe(await query.ToListAsync(Ct)), Describe(await query.AsSingleQuery().ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_deeper_chain_folds_to_the_split_graph()
    {
        await using var db = graph.Connect();
        var query = db.States.Include(s => s.Cities).ThenInclude(c => c.Addresses).ThenInclude(a => a.User).Where(s => s.Id <= 12).OrderBy(s => s.Id);

        Assert.Equal(Describe(await query.ToListAsync(Ct)), Describe(await query.AsSingleQuery().ToListAsync(Ct)));
    }

    [Fact]
    public async Task Two_branches_fold_to_the_split_graph_with_each_link_once()
    {
        await using var db = graph.Connect();
        var query = db.Users.Include(u => u.Addresses).ThenInclude(a => a.City).ThenInclude(c => c.State).Include(u => u.Addresses).ThenInclude(a => a.City).ThenInclude(c => c.Addresses).OrderBy(u => u.Id);

        var split = await query.ToListAsync(Ct);
        var joined = await query.AsSingleQuery().ToListAsync(Ct);

        Assert.Equal(Describe(split), Describe(joined));
        Assert.All(joined, u => Assert.Equal(u.Addresses.Count, u.Addresses.Distinct().Count()));
        Assert.All(joined.SelectMany(u => u.Addresses), a => Assert.Equal(a.City!.Addresses.Count, a.City.Addresses.Distinct().Count()));
    }

    private static string Describe(IEnumerable<State> states) =>
        string.Join("\n", states.Select(s => $"{s.Id}:{s.Name}[{string.Join(",", s.Cities.Select(c => $"{c.Id}({string.Join(",", c.Addresses.Select(a => $"{a.Id}/{a.User?.Id}"))})"))}]"));

    private static string Describe(IEnumerable<User> users) =>
        string.Join("\n", users.Select(u => $"{u.Id}[{string.Join(",", u.Addresses.Select(a => $"{a.Id}>{a.City?.Id}:{a.City?.State?.Id}:{string.Join("/", a.City?.Addresses.Select(x => x.Id) ?? [])}"))}]"));
}
