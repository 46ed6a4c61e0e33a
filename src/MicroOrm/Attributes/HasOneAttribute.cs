using System;

namespace MicroOrm;

/// <summary>
/// Marks the principal side of a one-to-one relationship (<c>Profile? Profile</c>): the single dependent row whose
/// foreign key, declared unique, points at this entity.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class HasOneAttribute : Attribute
{
    /// <summary>The dependent's foreign-key property, when it has more than one to this entity (use <c>nameof</c>).</summary>
    public string? ForeignKey { get; set; }
}
