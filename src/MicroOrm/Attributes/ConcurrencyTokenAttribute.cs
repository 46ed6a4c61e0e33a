using System;

namespace MicroOrm;

/// <summary>
/// Optimistic concurrency: an integer version column that every update through MicroOrm increments. Updating or
/// deleting an entity checks that the row still has the version the entity was read with; when another writer got
/// there first, nothing is written and a <see cref="ConcurrencyException"/> is thrown. <c>RunInTransactionAsync</c>
/// runs its unit of work again after such a conflict, so a unit that reads, changes and saves simply starts over.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class ConcurrencyTokenAttribute : Attribute
{
}
