using System;

namespace MicroOrm;

/// <summary>A unique constraint on one column; shorthand for <c>[Index(IsUnique = true)]</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class UniqueAttribute : Attribute
{
}
