using System;

namespace MicroOrm;

/// <summary>
/// Stores an enum property as the member's name in a <c>VARCHAR</c> column instead of its underlying integer.
/// Reading a name that is not a member of the enum raises an error naming the column.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class StoreAsStringAttribute : Attribute
{
}
