using System;

namespace MicroOrm;

/// <summary>
/// Marks a <c>partial</c> class as a database: the generator gives it a table accessor for every entity
/// declared in the same project (<c>db.States</c>, <c>db.Cities</c>), a schema manager and the factory
/// methods that connect it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DatabaseAttribute : Attribute
{
}
