namespace MicroOrm.Demo.Models;

/// <summary>
/// The database the tasks run on: the reference project's states and cities, and nothing else, so the tasks work on
/// the reference project's own databases (whose only tables are these two).
/// </summary>
[Database(typeof(State), typeof(City))]
public partial class DemoDb
{
}

/// <summary>Every demo model, for seeding the throwaway server: the reference tables plus users and addresses.</summary>
[Database]
public partial class SeedDb
{
}
