using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Demo.Models;

namespace MicroOrm.Demo.Tasks;

/// <summary>The reference project's ORM tasks (6 to 14), each one short call on the generated API.</summary>
internal static class OrmTasks
{
    /// <summary>
    /// 6: creates the <c>states</c> table from the model, by applying the migrations embedded from
    /// <c>Migrations/DemoDb/</c> (0001 creates the table as the model declares it). The history table records it, so a
    /// second run has nothing to do; no file is read and nothing is reflected at run time, so this also runs native.
    /// </summary>
    public static Task ModelStateAsync(DemoDb db, string[] args, TextWriter output, CancellationToken ct) =>
        db.Migrations.ApplyAsync(ct);

    /// <summary>7: every state by id.</summary>
    public static async Task FetchAllAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        foreach (var state in await db.States.OrderBy(s => s.Id).ToListAsync(ct))
        {
            await output.WriteAsync($"{state.Id}: {state.Name}\n");
        }
    }

    /// <summary>8: the first state by id, fetching one row, or "Nothing".</summary>
    public static async Task FetchFirstAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        var first = await db.States.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        await output.WriteAsync(first is null ? "Nothing\n" : $"{first.Id}: {first.Name}\n");
    }

    /// <summary>9: the states whose name contains an "a", by id.</summary>
    public static async Task FilterAAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        foreach (var state in await db.States.Where(s => s.Name.Contains("a")).OrderBy(s => s.Id).ToListAsync(ct))
        {
            await output.WriteAsync($"{state.Id}: {state.Name}\n");
        }
    }

    /// <summary>10: the id of the state named <c>args[0]</c>, or "Not found".</summary>
    public static async Task MyGetAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        var name = args[0];
        var state = await db.States.Where(s => s.Name == name).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        await output.WriteAsync(state is null ? "Not found\n" : $"{state.Id}\n");
    }

    /// <summary>11: adds "Louisiana" and prints its new id.</summary>
    public static async Task InsertAsync(DemoDb db, string[] args, TextWriter output, CancellationToken ct)
    {
        var louisiana = new State { Name = "Louisiana" };
        await db.States.InsertAsync(louisiana, ct);
        await output.WriteAsync($"{louisiana.Id}\n");
    }

    /// <summary>12: renames the state with id 2 to "New Mexico".</summary>
    public static Task UpdateId2Async(DemoDb db, string[] args, TextWriter output, CancellationToken ct) =>
        db.States.Where(s => s.Id == 2).UpdateAsync(u => u.Set(s => s.Name, "New Mexico"), ct);

    /// <summary>13: deletes every state whose name contains an "a"; their cities go with them (the relationship's cascade).</summary>
    public static Task DeleteAAsync(DemoDb db, string[] args, TextWriter output, CancellationToken ct) =>
        db.States.Where(s => s.Name.Contains("a")).DeleteAsync(ct);

    /// <summary>14: every city with its state, by city id, in one query.</summary>
    public static async Task CityFetchByStateAsync(DemoDb.ReadOnlyView db, string[] args, TextWriter output, CancellationToken ct)
    {
        var pairs = await db.Cities.Join(db.States, (c, s) => c.StateId == s.Id).OrderBy((c, s) => c.Id).ToListAsync(ct);
        foreach (var (city, state) in pairs)
        {
            await output.WriteAsync($"{state.Name}: ({city.Id}) {city.Name}\n");
        }
    }
}
