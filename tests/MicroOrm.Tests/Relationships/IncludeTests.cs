using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Tests.Relationships;

/// <summary>1,000 states with 10 cities each, and users with addresses in those cities, loaded with their relationships.</summary>
public sealed class GraphFixture(ServerFixture server) : ReferenceDbFixture(server)
{
    public const int StateCount = 1000;
    public const int CitiesPerState = 10;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Connect();
        var states = Enumerable.Range(0, StateCount).Select(i => new State { Name = $"State {i:D4}" }).ToList();
        await db.States.InsertManyAsync(states);
        await db.Cities.InsertManyAsync(states.SelectMany(s => Enumerable.Range(0, CitiesPerState).Select(c => new City { Name = $"{s.Name} city {c}", StateId = s.Id })));
        var users = Enumerable.Range(0, 50).Select(i => new User { Name = $"User {i}", Email = $"user{i}@example.com" }).ToList();
        await db.Users.InsertManyAsync(users);
        var cityIds = await db.Cities.OrderBy(c => c.Id).Take(100).Select(c => c.Id).ToListAsync();
        await db.Addresses.InsertManyAsync(users.SelectMany((u, i) => new[] { new Address { Street = $"{i} Main St", UserId = u.Id, CityId = cityIds[i] }, new Address { Street = $"{i} Side St", UserId = u.Id, CityId = cityIds[i + 50] } }));
    }
}

/// <summary>Eager and explicit loading: one query per level (or one joined query), never one per row.</summary>
public sealed class IncludeTests(GraphFixture graph) : IClassFixture<GraphFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Include_over_1000_states_with_10_cities_each_takes_exactly_two_queries_split()
    {
        await using var db = graph.Connect();
        using var counter = new CommandCounter(graph.DatabaseName);

        var states = await db.States.Include(s => s.Cities).OrderBy(s => s.Id).ToListAsync(Ct);

        Assert.Equal(2, counter.Queries);
        AssertGraph(states);
        Assert.Equal(2, await ServerSelectsAsync(borrowed => borrowed.States.Include(s => s.Cities).OrderBy(s => s.Id).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Include_over_1000_states_with_10_cities_each_takes_exactly_one_query_joined()
    {
        await using var db = graph.Connect();
        using var counter = new CommandCounter(graph.DatabaseName);

        var states = await db.States.Include(s => s.Cities).AsSingleQuery().OrderBy(s => s.Id).ToListAsync(Ct);

        Assert.Equal(1, counter.Queries);
        AssertGraph(states);
        Assert.Equal(1, await ServerSelectsAsync(borrowed => borrowed.States.Include(s => s.Cities).AsSingleQuery().OrderBy(s => s.Id).ToListAsync(Ct)));
    }

    /// <summary>The SELECTs the server itself counts while <paramref name="load"/> runs on a borrowed connection; the graph must come back whole.</summary>
    private async Task<long> ServerSelectsAsync(Func<AppDb, Task<List<State>>> load)
    {
        await using var counter = await ServerSelectCounter.OpenAsync(graph.ConnectionString);
        await using var db = AppDb.FromConnection(counter.Connection);
        await counter.ResetAsync();
        var states = await load(db);
        var selects = await counter.SelectsAsync();
        AssertGraph(states);
        return selects;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_query_order_is_kept_and_a_page_counts_states_not_joined_rows(bool single)
    {
        await using var db = graph.Connect();
        var query = db.States.Include(s => s.Cities).Where(s => s.Name.EndsWith("7")).OrderByDescending(s => s.Name).Skip(3).Take(5);
        if (single) query = query.AsSingleQuery();

        var states = await query.ToListAsync(Ct);

        Assert.Equal(["State 0967", "State 0957", "State 0947", "State 0937", "State 0927"], states.Select(s => s.Name));
        Assert.All(states, s => Assert.Equal(GraphFixture.CitiesPerState, s.Cities.Count));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 1)]
    public async Task ThenInclude_loads_deeper_levels_with_one_more_query_each(bool single, int queries)
    {
        await using var db = graph.Connect();
        using var counter = new CommandCounter(graph.DatabaseName);
        var query = db.Users.Include(u => u.Addresses).ThenInclude(a => a.City).Where(u => u.Email.StartsWith("user1")).OrderBy(u => u.Id);

        var users = await (single ? query.AsSingleQuery() : query).ToListAsync(Ct);

        Assert.Equal(queries, counter.Queries);
        Assert.Equal(11, users.Count);
        foreach (var user in users)
        {
            Assert.Equal(2, user.Addresses.Count);
            Assert.All(user.Addresses, a => Assert.Same(user, a.User));
            Assert.All(user.Addresses, a => Assert.Equal(a.CityId, a.City!.Id));
        }
    }

    [Fact]
    public async Task BelongsTo_include_shares_one_object_per_principal()
    {
        await using var db = graph.Connect();
        var cities = await db.Cities.Include(c => c.State).Where(c => c.StateId <= 3).OrderBy(c => c.Id).ToListAsync(Ct);

        Assert.Equal(30, cities.Count);
        Assert.All(cities, c => Assert.Equal(c.StateId, c.State!.Id));
        Assert.Equal(3, cities.Select(c => c.State).Distinct().Count());
    }

    [Fact]
    public async Task Two_include_paths_load_together()
    {
        await using var db = graph.Connect();
        using var counter = new CommandCounter(graph.DatabaseName);
        var cities = await db.Cities.Include(c => c.State).Include(c => c.Addresses).ThenInclude(a => a.User).Where(c => c.Id <= 60).ToListAsync(Ct);

        Assert.Equal(4, counter.Queries);
        Assert.All(cities, c => Assert.NotNull(c.State));
        Assert.Equal(60, cities.Sum(c => c.Addresses.Count));
        Assert.All(cities.SelectMany(c => c.Addresses), a => Assert.NotNull(a.User));
    }

    [Fact]
    public async Task Entities_without_children_get_an_empty_collection_in_both_strategies()
    {
        await using var db = graph.Connect();
        var split = await db.Cities.Include(c => c.Addresses).Where(c => c.Id > 990 && c.Id <= 1000).ToListAsync(Ct);
        var joined = await db.Cities.Include(c => c.Addresses).AsSingleQuery().Where(c => c.Id > 990 && c.Id <= 1000).ToListAsync(Ct);

        Assert.All(split, c => Assert.Empty(c.Addresses));
        Assert.All(joined, c => Assert.Empty(c.Addresses));
    }

    [Fact]
    public async Task LoadAsync_fills_entities_already_in_hand_with_one_query()
    {
        await using var db = graph.Connect();
        var states = await db.States.Where(s => s.Id <= 100).ToListAsync(Ct);
        using var counter = new CommandCounter(graph.DatabaseName);

        var cities = await db.States.LoadAsync(states, s => s.Cities, Ct);

        Assert.Equal(1, counter.Queries);
        Assert.Equal(1000, cities.Count);
        Assert.All(states, s => Assert.All(s.Cities, c => Assert.Same(s, c.State)));
    }

    [Fact]
    public async Task More_keys_than_one_IN_list_holds_are_chunked()
    {
        await using var db = graph.Connect();
        var cities = await db.Cities.ToListAsync(Ct);
        using var counter = new CommandCounter(graph.DatabaseName);

        await db.Cities.LoadAsync(cities, c => c.Addresses, Ct);

        Assert.Equal((int)Math.Ceiling(cities.Count / (double)IncludeLoader.MaxKeysPerQuery), counter.Queries);
        Assert.Equal(100, cities.Sum(c => c.Addresses.Count));
    }

    [Fact]
    public async Task Include_first_and_single_load_the_relationship_too()
    {
        await using var db = graph.Connect();
        var first = await db.States.Include(s => s.Cities).OrderBy(s => s.Id).FirstAsync(Ct);
        var single = await db.States.Include(s => s.Cities).SingleAsync(s => s.Name == "State 0500", Ct);

        Assert.Equal(GraphFixture.CitiesPerState, first.Cities.Count);
        Assert.Equal(GraphFixture.CitiesPerState, single.Cities.Count);
    }

    [Fact]
    public async Task A_query_with_includes_refuses_to_stream() =>
        Assert.Throws<NotSupportedException>(() => graph.Connect().States.Include(s => s.Cities).AsAsyncEnumerable(Ct));

    private static void AssertGraph(List<State> states)
    {
        Assert.Equal(GraphFixture.StateCount, states.Count);
        Assert.True(states.Zip(states.Skip(1)).All(p => p.First.Id < p.Second.Id));
        foreach (var state in states)
        {
            Assert.Equal(GraphFixture.CitiesPerState, state.Cities.Count);
            Assert.True(state.Cities.Zip(state.Cities.Skip(1)).All(p => p.First.Id < p.Second.Id));
            foreach (var city in state.Cities)
            {
                Assert.Equal(state.Id, city.StateId);
                Assert.Same(state, city.State);
            }
        }
    }
}
