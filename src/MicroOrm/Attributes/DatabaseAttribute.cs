using System;

namespace MicroOrm;

/// <summary>
/// Marks a <c>partial</c> class as a database: the generator gives it a table accessor for each of its entities
/// (<c>db.States</c>, <c>db.Cities</c>), a schema manager and the factory methods that connect it.
/// </summary>
/// <remarks>
/// Without arguments the database holds every entity declared in the same project. Listing entities
/// (<c>[Database(typeof(State), typeof(City))]</c>) limits it to those, for a database whose tables are a subset of
/// the project's models; relationships and cascades then stay within the listed tables.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DatabaseAttribute : Attribute
{
    /// <summary>A database of every entity in the project.</summary>
    public DatabaseAttribute() => Entities = [];

    /// <summary>A database of the listed entities only.</summary>
    public DatabaseAttribute(params Type[] entities) => Entities = entities;

    /// <summary>The entities listed, or none for all of the project's.</summary>
    public Type[] Entities { get; }
}
