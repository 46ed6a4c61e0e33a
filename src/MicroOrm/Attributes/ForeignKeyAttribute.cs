using System;

namespace MicroOrm;

/// <summary>
/// Marks the property as a foreign key to the primary key of the entity <see cref="Principal"/>. The DDL declares
/// the constraint with <see cref="OnDelete"/>, and relationships (<see cref="HasManyAttribute"/>,
/// <see cref="BelongsToAttribute"/>) are matched through it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class ForeignKeyAttribute : Attribute
{
    /// <summary>A foreign key to <paramref name="principal"/>'s key.</summary>
    public ForeignKeyAttribute(Type principal) => Principal = principal;

    /// <summary>The entity referenced.</summary>
    public Type Principal { get; }

    /// <summary>What the server does to this row when the referenced row is deleted.</summary>
    public ReferentialAction OnDelete { get; set; } = ReferentialAction.Restrict;
}
