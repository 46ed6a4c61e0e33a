using System;

namespace MicroOrm;

/// <summary>
/// Marks the column that says which tenant a row belongs to. A database object made for one tenant
/// (<c>db.ForTenant(id)</c>, or per request through dependency injection) reads, counts, joins, includes, updates and
/// deletes only that tenant's rows, fills the column on insert, and refuses to write a row of another tenant. A
/// database object with no tenant refuses to touch the entity at all, unless the query says
/// <c>IgnoreQueryFilters(QueryFilter.Tenant)</c>. All tenant keys of one database have one type.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class TenantKeyAttribute : Attribute
{
}
