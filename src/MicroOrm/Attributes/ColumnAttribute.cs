using System;

namespace MicroOrm;

/// <summary>Overrides the column a property maps to.</summary>
/// <remarks>Without it the column is the snake_case form of the property name (<c>StateId</c> → <c>state_id</c>).</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class ColumnAttribute : Attribute
{
    /// <summary>Keeps the conventional column name; use it to set <see cref="TypeName"/> alone.</summary>
    public ColumnAttribute() { }

    /// <summary>Maps the property to the column <paramref name="name"/>.</summary>
    public ColumnAttribute(string name) => Name = name;

    /// <summary>The column name, or <see langword="null"/> for the convention.</summary>
    public string? Name { get; }

    /// <summary>
    /// The SQL type written in the DDL instead of the one inferred from the property type, for example
    /// <c>"MEDIUMTEXT"</c>. It changes the DDL only: values are still read and written as the property type.
    /// </summary>
    public string? TypeName { get; set; }

    /// <summary>
    /// The column's previous name, after a rename: a migration renames the column (keeping its values) instead of
    /// dropping it and adding a new one. Remove it once every database has been migrated.
    /// </summary>
    public string? Was { get; set; }
}
