using System;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// The query filters in force for a query or a write: the tenant of the database object it came from, and the filters
/// the query turned off (<c>IgnoreQueryFilters</c>). Every statement over an entity's table asks it for the table's
/// conditions (<see cref="For"/>), so no path can forget one: a table with a tenant key and no tenant to filter by is
/// refused, not read whole.
/// </summary>
internal sealed class FilterState
{
    /// <summary>Every filter applies, and there is no tenant: what a database object not made for a tenant uses.</summary>
    public static readonly FilterState NoTenant = new(null, QueryFilter.None);

    public FilterState(object? tenant, QueryFilter ignored)
    {
        Tenant = tenant;
        Ignored = ignored;
    }

    /// <summary>The tenant the database object serves (the <c>[TenantKey]</c> property's value), or <see langword="null"/>.</summary>
    public object? Tenant { get; }

    public QueryFilter Ignored { get; }

    public bool Applies(QueryFilter filter) => (Ignored & filter) == 0;

    public FilterState Ignoring(QueryFilter filters) =>
        (filters & ~QueryFilter.All) == 0 ? new(Tenant, Ignored | filters) : throw new ArgumentOutOfRangeException(nameof(filters), filters, "Not a combination of query filters.");

    /// <summary>
    /// The conditions <paramref name="table"/>'s rows must meet, on the table at <paramref name="alias"/>: its tenant
    /// key equal to the tenant, and its soft-delete column saying "not deleted". <see langword="null"/> when none applies.
    /// </summary>
    /// <exception cref="InvalidOperationException">The table has a tenant key, the tenant filter applies, and there is no tenant.</exception>
    public Condition? For(TableInfo table, int alias)
    {
        Condition? conditions = null;
        if (table.TenantKey is { } tenantKey && Applies(QueryFilter.Tenant))
        {
            conditions = new ValueComparison(new ColumnRef(tenantKey, alias), ComparisonOperator.Equal, tenantKey.ToDbValue(TenantFor(table)));
        }

        if (table.SoftDelete is { } deleted && Applies(QueryFilter.SoftDelete))
        {
            // A nullable column holds when the row was deleted; a boolean, whether it was.
            var live = deleted.IsNullable ? new NullCondition(new ColumnRef(deleted, alias), isNull: true) : (Condition)new ValueComparison(new ColumnRef(deleted, alias), ComparisonOperator.Equal, false);
            conditions = And(conditions, live);
        }

        return conditions;
    }

    /// <summary>The tenant, for a table whose tenant filter applies.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public object TenantFor(TableInfo table) => Tenant ?? throw new InvalidOperationException(
        $"{table.EntityName} belongs to a tenant ({table.TenantKey!.PropertyName}), and this database object has none: make one with ForTenant(...) " +
        "(or register the tenant with AddMicroOrmTenant), or say IgnoreQueryFilters(QueryFilter.Tenant) to mean every tenant's rows.");

    /// <summary><paramref name="left"/> AND <paramref name="right"/>, either of which may be missing.</summary>
    public static Condition? And(Condition? left, Condition? right) =>
        left is null ? right : right is null ? left : new LogicalCondition(left, right, isAnd: true);
}
