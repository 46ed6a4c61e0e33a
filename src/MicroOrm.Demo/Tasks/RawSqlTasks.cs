using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Demo.Models;

namespace MicroOrm.Demo.Tasks;

/// <summary>
/// The reference project's raw SQL tasks (0 to 5), on MicroOrm's raw SQL API: SQL is an interpolated string whose
/// holes are sent as parameters, so the "my" and the "safe" filter are the same safe query here.
/// </summary>
internal static class RawSqlTasks
{
    /// <summary>0: every state by id.</summary>
    public static async Task SelectStatesAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        foreach (var (id, name) in await db.QueryAsync<int, string>($"SELECT id, name FROM states ORDER BY id", ct))
        {
            await output.WriteAsync(PythonRepr.Tuple(id, name) + "\n");
        }
    }

    /// <summary>1: the states whose name starts with an upper-case N, compared case-sensitively.</summary>
    public static async Task FilterStatesAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        foreach (var (id, name) in await db.QueryAsync<int, string>($"SELECT id, name FROM states WHERE name LIKE {"N%"} COLLATE utf8mb4_bin ORDER BY id", ct))
        {
            await output.WriteAsync(PythonRepr.Tuple(id, name) + "\n");
        }
    }

    /// <summary>2 and 3: the states named exactly <c>args[0]</c>; the name is a parameter, so no input can change the SQL.</summary>
    public static async Task FilterByNameAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        var name = args[0];
        foreach (var (id, stateName) in await db.QueryAsync<int, string>($"SELECT id, name FROM states WHERE name = {name} ORDER BY id", ct))
        {
            await output.WriteAsync(PythonRepr.Tuple(id, stateName) + "\n");
        }
    }

    /// <summary>4: every city with its state's name, by city id, in one query.</summary>
    public static async Task CitiesByStateAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        var rows = await db.QueryAsync<int, string, string>(
            $"SELECT cities.id, cities.name, states.name FROM cities JOIN states ON states.id = cities.state_id ORDER BY cities.id", ct);
        foreach (var (id, city, state) in rows)
        {
            await output.WriteAsync(PythonRepr.Tuple(id, city, state) + "\n");
        }
    }

    /// <summary>5: the cities of the state <c>args[0]</c>, by id, joined by ", " on one line (an empty line when none).</summary>
    public static async Task FilterCitiesAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        var state = args[0];
        var names = await db.QueryValuesAsync<string>(
            $"SELECT cities.name FROM cities JOIN states ON states.id = cities.state_id WHERE states.name = {state} ORDER BY cities.id", ct);
        await output.WriteAsync(string.Join(", ", names) + "\n");
    }
}
