using System;

namespace MicroOrm;

/// <summary>
/// Marks a <c>partial</c> class or record as an entity stored in one table. The generator emits its row
/// mapper, parameter binder, column set and DDL at build time.
/// </summary>
/// <remarks>
/// Without a name the table is the snake_case plural of the class name (<c>State</c> → <c>states</c>,
/// <c>City</c> → <c>cities</c>, <c>UserAddress</c> → <c>user_addresses</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TableAttribute : Attribute
{
    /// <summary>Maps the entity to the conventional table name.</summary>
    public TableAttribute() { }

    /// <summary>Maps the entity to the table <paramref name="name"/>.</summary>
    public TableAttribute(string name) => Name = name;

    /// <summary>The table name, or <see langword="null"/> for the convention.</summary>
    public string? Name { get; }

    /// <summary>
    /// The table's previous name, after a rename: a migration renames the table (keeping its rows) instead of
    /// dropping it and creating a new one. Remove it once every database has been migrated.
    /// </summary>
    public string? Was { get; set; }
}
