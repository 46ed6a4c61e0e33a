using System;

namespace MicroOrm;

/// <summary>
/// Marks a collection navigation (<c>List&lt;City&gt; Cities</c>): the rows of the dependent entity whose foreign key
/// points at this entity. It is not a column; it is filled by <c>Include</c> or explicit loading, and its items are
/// inserted with the principal by a graph insert.
/// </summary>
/// <remarks>
/// The dependent's foreign key is found by its <see cref="ForeignKeyAttribute"/>; when the dependent has several
/// foreign keys to this entity, name the one meant with <see cref="ForeignKey"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class HasManyAttribute : Attribute
{
    /// <summary>The dependent's foreign-key property, when it has more than one to this entity (use <c>nameof</c>).</summary>
    public string? ForeignKey { get; set; }
}
