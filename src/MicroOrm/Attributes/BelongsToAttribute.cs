using System;

namespace MicroOrm;

/// <summary>
/// Marks a reference navigation (<c>State? State</c>): the principal row this entity's foreign key points at.
/// It is not a column; it is filled by <c>Include</c> or explicit loading.
/// </summary>
/// <remarks>
/// The foreign key is this entity's property with a <see cref="ForeignKeyAttribute"/> to the navigation's type;
/// when there are several, name the one meant with <see cref="ForeignKey"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class BelongsToAttribute : Attribute
{
    /// <summary>This entity's foreign-key property, when it has more than one to the same principal (use <c>nameof</c>).</summary>
    public string? ForeignKey { get; set; }
}
