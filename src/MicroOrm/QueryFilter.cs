using System;

namespace MicroOrm;

/// <summary>The model-level filters a query applies to every entity that declares them; what <c>IgnoreQueryFilters</c> turns off.</summary>
[Flags]
public enum QueryFilter
{
    /// <summary>No filter.</summary>
    None = 0,

    /// <summary>Rows marked deleted by a <c>[SoftDelete]</c> column are skipped.</summary>
    SoftDelete = 1,

    /// <summary>Only the database object's tenant's rows (by the <c>[TenantKey]</c> column) are read or written.</summary>
    Tenant = 2,

    /// <summary>Every filter.</summary>
    All = SoftDelete | Tenant,
}
