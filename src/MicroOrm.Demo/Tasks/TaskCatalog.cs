using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Demo.Models;

namespace MicroOrm.Demo.Tasks;

/// <summary>
/// One subcommand: its name, the argument it takes (if any), what it does, and the code that does it. A task that
/// only reads is written against the read-only view, so the compiler holds it to reading.
/// </summary>
internal sealed record DemoTask(
    string Name,
    string? Argument,
    string Summary,
    string TourArgument,
    Func<DemoDb, string[], TextWriter, CancellationToken, Task> Run);

/// <summary>The eighteen tasks, in the reference project's order (the order the tour runs them in).</summary>
internal static class TaskCatalog
{
    /// <summary>An injection payload, passed by the tour to the safe filter: it matches nothing and changes nothing.</summary>
    public const string InjectionPayload = "Arizona'; TRUNCATE TABLE states ; SELECT * FROM states WHERE name = 'Arizona";

    public static IReadOnlyList<DemoTask> All { get; } =
    [
        Reader("select-states", null, "all states by id (raw SQL)", "", RawSqlTasks.SelectStatesAsync),
        Reader("filter-states", null, "states whose name starts with an upper-case N, case-sensitive (raw SQL)", "", RawSqlTasks.FilterStatesAsync),
        Reader("my-filter-states", "NAME", "states named exactly NAME (raw SQL; NAME is a parameter, so unlike the reference script this cannot be injected)", "Arizona", RawSqlTasks.FilterByNameAsync),
        Reader("safe-filter-states", "NAME", "the same, given an injection payload in the tour: it matches nothing and changes nothing", InjectionPayload, RawSqlTasks.FilterByNameAsync),
        Reader("cities-by-state", null, "every city with its state's name, by city id, in one query (raw SQL)", "", RawSqlTasks.CitiesByStateAsync),
        Reader("filter-cities", "STATE", "the cities of STATE by id, on one line (raw SQL)", "California", RawSqlTasks.FilterCitiesAsync),
        Writer("model-state", null, "creates the states table from the model", "", OrmTasks.ModelStateAsync),
        Reader("fetch-all", null, "all states by id", "", OrmTasks.FetchAllAsync),
        Reader("fetch-first", null, "the first state by id, or Nothing", "", OrmTasks.FetchFirstAsync),
        Reader("filter-a", null, "states whose name contains an a, by id", "", OrmTasks.FilterAAsync),
        Reader("my-get", "NAME", "the id of the state named NAME, or Not found", "Texas", OrmTasks.MyGetAsync),
        Writer("insert", null, "adds the state Louisiana and prints its new id", "", OrmTasks.InsertAsync),
        Writer("update-id-2", null, "renames the state with id 2 to New Mexico", "", OrmTasks.UpdateId2Async),
        Writer("delete-a", null, "deletes every state whose name contains an a, with its cities", "", OrmTasks.DeleteAAsync),
        Reader("city-fetch-by-state", null, "every city with its state, by city id", "", OrmTasks.CityFetchByStateAsync),
        Writer("relationship-create", null, "creates California with its city San Francisco through the relationship", "", RelationshipTasks.CreateAsync),
        Reader("relationship-states-cities", null, "every state by id with its cities by id, in one query", "", RelationshipTasks.StatesWithCitiesAsync),
        Reader("relationship-cities-states", null, "every city by id with its state, in one query", "", RelationshipTasks.CitiesWithStatesAsync),
    ];

    private static DemoTask Reader(string name, string? argument, string summary, string tourArgument, Func<DemoDb.ReadOnlyView, string[], TextWriter, CancellationToken, Task> task) =>
        new(name, argument, summary, tourArgument, (db, args, output, ct) => task(db.AsReadOnly(), args, output, ct));

    private static DemoTask Writer(string name, string? argument, string summary, string tourArgument, Func<DemoDb, string[], TextWriter, CancellationToken, Task> task) =>
        new(name, argument, summary, tourArgument, task);

    public static DemoTask? Find(string name)
    {
        foreach (var task in All)
        {
            if (task.Name == name) return task;
        }

        return null;
    }
}
