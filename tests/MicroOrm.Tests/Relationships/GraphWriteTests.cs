using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Relationships;

/// <summary>Graph inserts fill foreign keys from generated keys, in one transaction; cascades follow the declared ON DELETE.</summary>
public sealed class GraphWriteTests(ReferenceDbFixture database) : IClassFixture<ReferenceDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task California_is_created_with_San_Francisco_through_the_relationship()
    {
        await using var db = database.Connect();
        var california = new State { Name = "California", Cities = [new City { Name = "San Francisco" }, new City { Name = "San Jose" }] };

        await db.States.InsertGraphAsync(california, Ct);

        Assert.True(california.Id > 0);
        Assert.All(california.Cities, c => Assert.Equal(california.Id, c.StateId));
        Assert.All(california.Cities, c => Assert.Same(california, c.State));
        var stored = await db.States.Include(s => s.Cities).SingleAsync(s => s.Id == california.Id, Ct);
        Assert.Equal(["San Francisco", "San Jose"], stored.Cities.Select(c => c.Name));
    }

    [Fact]
    public async Task A_deep_graph_inserts_principals_first_and_children_after()
    {
        await using var db = database.Connect();
        var user = new User { Name = "Ada", Email = "ada-graph@example.com" };
        var city = new City { Name = "Boston", State = new State { Name = "Massachusetts" } };
        user.Addresses = [new Address { Street = "1 Main St", City = city }, new Address { Street = "2 Main St", City = city }];

        await db.Users.InsertGraphAsync(user, Ct);

        Assert.True(city.State.Id > 0 && city.Id > 0 && user.Id > 0);
        Assert.Equal(city.State.Id, city.StateId);
        Assert.All(user.Addresses, a => Assert.Equal((user.Id, city.Id), (a.UserId, a.CityId)));
        Assert.Equal(2, await db.Addresses.CountAsync(a => a.CityId == city.Id, Ct));
    }

    [Fact]
    public async Task An_entity_already_stored_in_the_graph_is_referenced_not_inserted_again()
    {
        await using var db = database.Connect();
        var texas = new State { Name = "Texas" };
        await db.States.InsertAsync(texas, Ct);

        await db.Cities.InsertGraphAsync(new City { Name = "Austin", State = texas }, Ct);

        Assert.Equal(1, await db.States.CountAsync(s => s.Name == "Texas", Ct));
        Assert.Equal(texas.Id, (await db.Cities.FirstAsync(c => c.Name == "Austin", Ct)).StateId);
    }

    [Fact]
    public async Task A_graph_insert_that_fails_halfway_leaves_every_table_as_before()
    {
        await using var db = database.Connect();
        var before = await database.SnapshotAsync();
        var state = new State
        {
            Name = "Half",
            Cities =
            [
                new City { Name = "Fine" },
                new City { Name = "Broken", Addresses = [new Address { Street = "nowhere", UserId = 999_999 }] },
            ],
        };

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.States.InsertGraphAsync(state, Ct));

        Assert.Equal((1452, "addresses", "user_id"), (error.ServerErrorCode, error.Table, error.Column));
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Deleting_a_state_through_the_library_cascades_to_its_cities_as_declared()
    {
        await using var db = database.Connect();
        var nevada = new State { Name = "Nevada", Cities = [new City { Name = "Reno" }, new City { Name = "Las Vegas" }] };
        await db.States.InsertGraphAsync(nevada, Ct);

        Assert.Equal(1, await db.States.DeleteAsync(nevada, Ct));

        Assert.Equal(0, await db.Cities.CountAsync(c => c.StateId == nevada.Id, Ct));
    }

    [Fact]
    public async Task A_restricted_foreign_key_refuses_the_delete_and_names_the_constraint()
    {
        await using var db = database.Connect();
        var user = new User { Name = "Owner", Email = "owner@example.com" };
        var state = new State { Name = "Maine", Cities = [new City { Name = "Portland" }] };
        await db.States.InsertGraphAsync(state, Ct);
        await db.Users.InsertAsync(user, Ct);
        await db.Addresses.InsertAsync(new Address { Street = "3 Port St", UserId = user.Id, CityId = state.Cities[0].Id }, Ct);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.Cities.DeleteAsync(state.Cities[0], Ct));

        Assert.Equal(1451, error.ServerErrorCode);
        Assert.Contains("fk_addresses_city_id", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>One-to-one through a unique foreign key, and many-to-many through an explicit join entity.</summary>
public sealed class OneToOneAndManyToManyTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_has_one_profile_both_ways()
    {
        await using var db = database.Connect();
        var ada = new Person { Name = "Ada", Profile = new Profile { Bio = "Analyst" } };
        var bob = new Person { Name = "Bob" };
        await db.People.InsertGraphAsync(ada, Ct);
        await db.People.InsertAsync(bob, Ct);

        foreach (var single in new[] { false, true })
        {
            var query = db.People.Include(p => p.Profile).Where(p => p.Id.In(ada.Id, bob.Id)).OrderBy(p => p.Id);
            var people = await (single ? query.AsSingleQuery() : query).ToListAsync(Ct);
            Assert.Equal("Analyst", people[0].Profile!.Bio);
            Assert.Same(people[0], people[0].Profile!.Person);
            Assert.Null(people[1].Profile);
        }

        var duplicate = await Assert.ThrowsAsync<MicroOrmException>(() => db.Profiles.InsertAsync(new Profile { PersonId = ada.Id, Bio = "second" }, Ct));
        Assert.Equal((1062, "person_id"), (duplicate.ServerErrorCode, duplicate.Column));
    }

    [Fact]
    public async Task People_and_teams_meet_through_team_members()
    {
        await using var db = database.Connect();
        var red = new Team { Name = "Red" };
        var blue = new Team { Name = "Blue" };
        await db.Teams.InsertManyAsync([red, blue], Ct);
        var carol = new Person { Name = "Carol", Memberships = [new TeamMember { TeamId = red.Id }, new TeamMember { TeamId = blue.Id }] };
        var dan = new Person { Name = "Dan", Memberships = [new TeamMember { TeamId = red.Id }] };
        await db.People.InsertGraphAsync(carol, Ct);
        await db.People.InsertGraphAsync(dan, Ct);

        var people = await db.People.Include(p => p.Memberships).ThenInclude(m => m.Team).Where(p => p.Id.In(carol.Id, dan.Id)).OrderBy(p => p.Id).ToListAsync(Ct);
        var teams = await db.Teams.Include(t => t.Members).ThenInclude(m => m.Person).Where(t => t.Id.In(red.Id, blue.Id)).OrderBy(t => t.Id).ToListAsync(Ct);

        Assert.Equal(["Red", "Blue"], people[0].Memberships.Select(m => m.Team!.Name));
        Assert.Equal(["Red"], people[1].Memberships.Select(m => m.Team!.Name));
        Assert.Equal(["Carol", "Dan"], teams[0].Members.Select(m => m.Person!.Name));
        Assert.Equal(["Carol"], teams[1].Members.Select(m => m.Person!.Name));
    }
}
