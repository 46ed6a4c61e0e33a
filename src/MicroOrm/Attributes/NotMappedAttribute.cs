using System;

namespace MicroOrm;

/// <summary>Leaves a property out of the table: it is never read, written or created as a column.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class NotMappedAttribute : Attribute
{
}
