using System;

namespace MicroOrm;

/// <summary>
/// Marks a <see cref="DateTime"/> or <see cref="DateTimeOffset"/> property that the library sets to the current
/// UTC time when the entity is inserted.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class CreatedAtAttribute : Attribute
{
}
