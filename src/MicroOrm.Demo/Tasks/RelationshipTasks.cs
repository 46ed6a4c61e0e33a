using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Demo.Models;

namespace MicroOrm.Demo.Tasks;

/// <summary>The reference project's relationship tasks (100 to 102).</summary>
internal static class RelationshipTasks
{
    /// <summary>100: creates "California" with its city "San Francisco" through the relationship, in one transaction.</summary>
    public static Task CreateAsync(DemoDb db, string[] args, TextWriter output, CancellationToken ct) =>
        db.States.InsertGraphAsync(new State { Name = "California", Cities = [new City { Name = "San Francisco" }] }, ct);

    /// <summary>101: every state by id, each followed by its cities by id, in one query.</summary>
    public static async Task StatesWithCitiesAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        foreach (var state in await db.States.Include(s => s.Cities).AsSingleQuery().OrderBy(s => s.Id).ToListAsync(ct))
        {
            await output.WriteAsync($"{state.Id}: {state.Name}\n");
            foreach (var city in state.Cities)
            {
                await output.WriteAsync($"\t{city.Id}: {city.Name}\n");
            }
        }
    }

    /// <summary>102: every city by id with its state, through the relationship, in one query.</summary>
    public static async Task CitiesWithStatesAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        foreach (var city in await db.Cities.Include(c => c.State).AsSingleQuery().OrderBy(c => c.Id).ToListAsync(ct))
        {
            await output.WriteAsync($"{city.Id}: {city.Name} -> {city.State!.Name}\n");
        }
    }
}
