using System;

namespace MicroOrm;

/// <summary>
/// Marks the column that says a row is deleted: a <see langword="bool"/> (true once deleted) or a nullable
/// <see cref="DateTime"/> or <see cref="DateTimeOffset"/> (when it was deleted). Every query of the entity, its
/// includes, joins, counts and set-based writes then skips deleted rows, <c>DeleteAsync</c> marks the row instead of
/// removing it, and <c>IgnoreQueryFilters(QueryFilter.SoftDelete)</c> sees (and really deletes) them.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SoftDeleteAttribute : Attribute
{
}
