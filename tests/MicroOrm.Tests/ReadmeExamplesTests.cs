using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Tests.Infrastructure;
using Xunit;

// The examples are copied from the README as written, where they take no cancellation token.
#pragma warning disable xUnit1051

namespace MicroOrm.Tests;

/// <summary>The README's examples, run as written against the reference schema, so the README cannot drift from the code.</summary>
public sealed class ReadmeExamplesTests(ReferenceDbFixture database) : IClassFixture<ReferenceDbFixture>
{
    private readonly List<string> _output = [];

    [Fact]
    public async Task The_reference_tasks_one_call_each()
    {
        await using var db = await SeedAsync();
        var name = "Arizona";

        var all = await db.States.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(["California", "Arizona", "Texas", "New York", "Nevada"], all.Select(s => s.Name));

        var first = await db.States.OrderBy(s => s.Id).FirstOrDefaultAsync();
        Print(first is null ? "Nothing" : $"{first.Id}: {first.Name}");

        var withA = await db.States.Where(s => s.Name.Contains("a")).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(["California", "Arizona", "Texas", "Nevada"], withA.Select(s => s.Name));

        var state = await db.States.FirstOrDefaultAsync(s => s.Name == name);
        Print(state?.Id.ToString() ?? "Not found");
        Print((await db.States.FirstOrDefaultAsync(s => s.Name == "Nowhere"))?.Id.ToString() ?? "Not found");

        var louisiana = new State { Name = "Louisiana" };
        await db.States.InsertAsync(louisiana);
        Print(louisiana.Id.ToString());

        await db.States.Where(s => s.Id == 2).UpdateAsync(u => u.Set(s => s.Name, "New Mexico"));
        Assert.Equal("New Mexico", (await db.States.FindAsync(2))!.Name);

        foreach (var (city, st) in await db.Cities.Join(db.States, (c, s) => c.StateId == s.Id).OrderBy((c, s) => c.Id).ToListAsync())
            Print($"{st.Name}: ({city.Id}) {city.Name}");

        await db.States.Where(s => s.Name.Contains("a")).DeleteAsync();
        Assert.Equal(["New Mexico", "New York"], (await db.States.OrderBy(s => s.Id).ToListAsync()).Select(s => s.Name));

        Assert.Equal(["1: California", "2", "Not found", "6", "California: (1) San Francisco", "California: (2) San Jose", "New Mexico: (3) Phoenix"], _output);
    }

    [Fact]
    public async Task The_raw_sql_examples()
    {
        await using var db = await SeedAsync();
        var name = "Texas";
        var newName = "Lone Star";
        var ids = new[] { 1, 2, 99 };
        var column = "name";

        var states = await db.QueryAsync<State>($"SELECT * FROM states WHERE name = {name}");
        var idList = await db.QueryValuesAsync<int>($"SELECT id FROM states WHERE id IN {ids} ORDER BY id");
        var pairs = await db.QueryAsync<string, string>($"SELECT c.name, s.name FROM cities c JOIN states s ON s.id = c.state_id ORDER BY c.id");
        var count = await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM states");
        var rows = await db.ExecuteAsync($"UPDATE states SET name = {newName} WHERE id = {states[0].Id}");
        var sorted = await db.QueryAsync<State>($"SELECT * FROM states ORDER BY {Sql.Identifier(column)}");
        var streamed = 0;
        await foreach (var s in db.QueryAsAsyncEnumerable<State>($"SELECT * FROM states")) streamed++;
        await using (var results = await db.QueryMultipleAsync($"SELECT * FROM states; SELECT COUNT(*) FROM cities"))
        {
            Assert.Equal(5, (await results.ReadAsync<State>()).Count);
            Assert.Equal(3L, await results.ReadScalarAsync<long>());
        }

        Assert.Equal(3, states[0].Id);
        Assert.Equal([1, 2], idList);
        Assert.Equal(("San Francisco", "California"), pairs[0]);
        Assert.Equal((5L, 1, 5), (count, rows, streamed));
        Assert.Equal(["Arizona", "California", "Lone Star", "Nevada", "New York"], sorted.Select(s => s.Name));
    }

    [Fact]
    public async Task The_relationship_examples()
    {
        await using var db = await SeedAsync();

        var states = await db.States.Include(s => s.Cities).OrderBy(s => s.Id).ToListAsync();
        var same = await db.States.Include(s => s.Cities).AsSingleQuery().OrderBy(s => s.Id).ToListAsync();
        var cities = await db.Cities.Include(c => c.State).AsSingleQuery().OrderBy(c => c.Id).ToListAsync();
        var users = await db.Users.Include(u => u.Addresses).ThenInclude(a => a.City).ToListAsync();
        await db.States.LoadAsync(states, s => s.Cities);
        await db.States.InsertGraphAsync(new State { Name = "Oregon", Cities = [new City { Name = "Portland" }] });

        Assert.Equal(["San Francisco", "San Jose"], states[0].Cities.Select(c => c.Name));
        Assert.Equal(states.Select(s => s.Cities.Count), same.Select(s => s.Cities.Count));
        Assert.Equal(["San Francisco -> California", "San Jose -> California", "Phoenix -> Arizona"], cities.Select(c => $"{c.Name} -> {c.State!.Name}"));
        Assert.Empty(users);
        Assert.Equal("Portland", (await db.Cities.Include(c => c.State).SingleAsync(c => c.Name == "Portland")).Name);
    }

    [Fact]
    public async Task Validation_and_the_read_only_view()
    {
        await using var db = await SeedAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Users.InsertAsync(new User { Name = " ", Email = "nope" }));
        Assert.Equal(
            "Cannot write User to table users: Name (column name, String): is required, but is empty or only white space; Email (column email, String): is not an e-mail address.",
            error.Message);
        Assert.Equal(["Name: is required, but is empty or only white space", "Email: is not an e-mail address"], error.Errors.Select(e => $"{e.Member}: {e.Problem}"));

        await db.Users.InsertAsync(new User { Name = "Ada", Email = "ada@example.com" });
        AppDb.ReadOnlyView reader = db.AsReadOnly();
        var customers = await reader.Users.Where(u => u.Email.EndsWith("@example.com")).ToListAsync();
        await using (var tx = await reader.BeginTransactionAsync())
        {
            Assert.Equal(1, await reader.Users.CountAsync());
        }

        Assert.Equal("Ada", Assert.Single(customers).Name);
    }

    private void Print(string line) => _output.Add(line);

    private async Task<AppDb> SeedAsync()
    {
        var db = database.Connect();
        await db.Addresses.DeleteAllAsync();
        await db.Users.DeleteAllAsync();
        await db.Cities.DeleteAllAsync();
        await db.States.DeleteAllAsync();
        await db.ExecuteUnsafeAsync("ALTER TABLE states AUTO_INCREMENT = 1");
        await db.ExecuteUnsafeAsync("ALTER TABLE cities AUTO_INCREMENT = 1");
        var states = new[] { "California", "Arizona", "Texas", "New York", "Nevada" }.Select(n => new State { Name = n }).ToList();
        await db.States.InsertManyAsync(states);
        await db.Cities.InsertManyAsync(
        [
            new City { Name = "San Francisco", StateId = states[0].Id },
            new City { Name = "San Jose", StateId = states[0].Id },
            new City { Name = "Phoenix", StateId = states[1].Id },
        ]);
        return db;
    }
}
