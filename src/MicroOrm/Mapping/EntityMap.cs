using System;
using System.ComponentModel;
using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// What the generator knows about an entity, in a form the runtime can use: the table's metadata and the code that
/// reads rows and binds values. One generated subclass exists per entity.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class EntityMap<TEntity>
{
    /// <summary>The table, its columns, and the SQL the generator wrote for it.</summary>
    public abstract TableInfo Table { get; }

    /// <summary>
    /// A reader for result sets whose columns are exactly <see cref="TableInfo.SelectList"/>, in order, as every
    /// query the library writes selects them: no name lookup is needed.
    /// </summary>
    public abstract RowReader<TEntity> OrdinalReader { get; }

    /// <summary>A reader for a result set with the entity's columns in any order, matched by name.</summary>
    public abstract RowReader<TEntity> CreateReader(DbDataReader reader);

    /// <summary>A reader for the entity's columns in select-list order starting at <paramref name="firstOrdinal"/> (joins put tables side by side).</summary>
    public abstract RowReader<TEntity> ReaderAt(int firstOrdinal);

    /// <summary>Appends the values of every column the server does not generate, in column order (the INSERT's order).</summary>
    public abstract void BindInsert(TEntity entity, ParameterValues values);

    /// <summary>Appends the values of every column an UPDATE sets (not the key, not <c>[CreatedAt]</c>), then the key values.</summary>
    public abstract void BindUpdate(TEntity entity, ParameterValues values);

    /// <summary>Appends the entity's key values, in key order.</summary>
    public abstract void BindKeyOf(TEntity entity, ParameterValues values);

    /// <summary>Stores the value the server generated for the AUTO_INCREMENT key.</summary>
    public abstract void SetGeneratedKey(TEntity entity, long value);

    /// <summary>Sets the <c>[CreatedAt]</c> (when <paramref name="inserting"/>) and <c>[UpdatedAt]</c> properties to <paramref name="utcNow"/>.</summary>
    public abstract void Stamp(TEntity entity, System.DateTime utcNow, bool inserting);

    /// <summary>Compares entities by key: the identity map of joined loads.</summary>
    public abstract System.Collections.Generic.IEqualityComparer<TEntity> KeyComparer { get; }

    /// <summary>The entity's navigation properties.</summary>
    public abstract System.Collections.Generic.IReadOnlyList<Navigation> Navigations { get; }

    /// <summary>Whether the entity already has a key the server generated (a non-zero AUTO_INCREMENT key), so a graph insert leaves it alone.</summary>
    public abstract bool HasGeneratedKeyValue(TEntity entity);

    /// <summary>
    /// Checks every value the write sends against its column (and the model's validation attributes), adding a problem
    /// for each failure. An update does not send <c>[CreatedAt]</c>, so only an insert checks it.
    /// </summary>
    public abstract void Validate(TEntity entity, ValidationErrors errors, bool inserting);

    /// <summary>Appends the entity's <c>[ConcurrencyToken]</c> value, for the WHERE of an update or delete; entities without one append nothing.</summary>
    public virtual void BindConcurrencyToken(TEntity entity, ParameterValues values)
    {
    }

    /// <summary>Moves the entity's <c>[ConcurrencyToken]</c> on by one, as the update just did to its row.</summary>
    public virtual void AdvanceConcurrencyToken(TEntity entity)
    {
    }

    /// <summary>
    /// Claims the entity for <paramref name="tenant"/> before it is written: an unset <c>[TenantKey]</c> is set to it,
    /// one set to another tenant is refused. Generated for entities with a tenant key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entity belongs to another tenant.</exception>
    public virtual void ClaimTenant(TEntity entity, object tenant) => throw new NotSupportedException($"{Table.EntityName} has no [TenantKey] property.");

    /// <summary>The entity's <c>[TenantKey]</c> value. Generated for entities with a tenant key.</summary>
    public virtual object? TenantOf(TEntity entity) => throw new NotSupportedException($"{Table.EntityName} has no [TenantKey] property.");

    /// <summary>Whether the entity records which columns were assigned (<c>[TrackChanges]</c>), so that an update sends only those.</summary>
    public virtual bool TracksChanges => false;

    /// <summary>The columns assigned since the entity was read or written: bit <c>i</c> is <c>Table.Sql.UpdatedColumns[i]</c>. Generated for <c>[TrackChanges]</c> entities.</summary>
    public virtual ulong ChangedColumns(TEntity entity) => throw new NotSupportedException($"{Table.EntityName} is not [TrackChanges].");

    /// <summary>Forgets the assignments: the entity now matches its row. A no-op for entities that do not track changes.</summary>
    public virtual void AcceptChanges(TEntity entity)
    {
    }

    /// <summary>Appends the values of the <paramref name="changed"/> columns, in their order, then the key. Generated for <c>[TrackChanges]</c> entities.</summary>
    public virtual void BindChanged(TEntity entity, ulong changed, ParameterValues values) => throw new NotSupportedException($"{Table.EntityName} is not [TrackChanges].");

    /// <summary>The error of an entity that belongs to another tenant than the one it is written for.</summary>
    protected InvalidOperationException OtherTenant(object? found, object tenant) => new(
        $"This {Table.EntityName} belongs to tenant {found} ({Table.TenantKey?.PropertyName}), and is written for tenant {tenant}: nothing was sent. " +
        "Write it through a database object for its own tenant, or with IgnoreQueryFilters(QueryFilter.Tenant).");
}

/// <summary>An entity map that also knows the entity's generated column set.</summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">The generated column set.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class EntityMap<TEntity, TColumns> : EntityMap<TEntity>
    where TColumns : ColumnSet
{
    /// <summary>The column set that refers to the table at position <paramref name="tableIndex"/> of a query.</summary>
    public abstract TColumns GetColumns(int tableIndex);
}

/// <summary>An entity map that also knows the entity's key.</summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">The generated column set.</typeparam>
/// <typeparam name="TKey">The key type; a tuple for a composite key.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class EntityMap<TEntity, TColumns, TKey> : EntityMap<TEntity, TColumns>
    where TColumns : ColumnSet
{
    /// <summary>The entity's key.</summary>
    public abstract TKey GetKey(TEntity entity);

    /// <summary>Appends the values of <paramref name="key"/>, in key order.</summary>
    public abstract void BindKey(TKey key, ParameterValues values);
}
