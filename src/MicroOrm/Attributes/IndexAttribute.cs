using System;

namespace MicroOrm;

/// <summary>
/// Declares an index. On a property it indexes that column; properties that share a <see cref="Name"/> form one
/// composite index, ordered by <see cref="Order"/>. On the class it indexes the named properties in the order given.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class IndexAttribute : Attribute
{
    /// <summary>An index on the property it is applied to.</summary>
    public IndexAttribute() => Properties = [];

    /// <summary>An index over the named properties, in this order (use <c>nameof</c>).</summary>
    public IndexAttribute(params string[] properties) => Properties = properties;

    /// <summary>The properties of a class-level index.</summary>
    public string[] Properties { get; }

    /// <summary>The index name; by default <c>ix_</c> (or <c>ux_</c> when unique), the table and the columns.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the index is a <c>UNIQUE</c> constraint.</summary>
    public bool IsUnique { get; set; }

    /// <summary>The position of this column in a composite index declared on properties.</summary>
    public int Order { get; set; }
}
