using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// A table reached through a read-only view: finds, queries and explicit loading, and no insert, update, upsert or
/// delete, so that a write through the view is a compile error.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set.</typeparam>
/// <typeparam name="TKey">Its key type.</typeparam>
public sealed class ReadOnlyTable<TEntity, TColumns, TKey> : ReadOnlyQuery<TEntity, TColumns>
    where TEntity : class, IEntity<TEntity, TColumns, TKey>
    where TColumns : ColumnSet
{
    private readonly Table<TEntity, TColumns, TKey> _table;

    /// <summary>Created by the generated read-only view, over the database's own table accessor.</summary>
    public ReadOnlyTable(Table<TEntity, TColumns, TKey> table)
        : base(table)
    {
        _table = table;
    }

    /// <inheritdoc cref="Table{TEntity, TColumns, TKey}.Info"/>
    public TableInfo Info => _table.Info;

    /// <inheritdoc cref="Table{TEntity, TColumns, TKey}.FindAsync(TKey, CancellationToken)"/>
    public Task<TEntity?> FindAsync(TKey key, CancellationToken cancellationToken = default) => _table.FindAsync(key, cancellationToken);

    /// <inheritdoc cref="Table{TEntity, TColumns, TKey}.Find"/>
    public TEntity? Find(TKey key) => _table.Find(key);

    /// <inheritdoc cref="Table{TEntity, TColumns, TKey}.LoadAsync{TTarget, TTargetColumns, TNavigationKey}(IReadOnlyList{TEntity}, Func{TColumns, Navigation{TEntity, TTarget, TTargetColumns, TNavigationKey}}, CancellationToken)"/>
    public Task<List<TTarget>> LoadAsync<TTarget, TTargetColumns, TNavigationKey>(
        IReadOnlyList<TEntity> entities,
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TNavigationKey>> navigation,
        CancellationToken cancellationToken = default)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TNavigationKey : notnull =>
        _table.LoadAsync(entities, navigation, cancellationToken);

    /// <inheritdoc cref="Table{TEntity, TColumns, TKey}.Load"/>
    public List<TTarget> Load<TTarget, TTargetColumns, TNavigationKey>(
        IReadOnlyList<TEntity> entities,
        Func<TColumns, Navigation<TEntity, TTarget, TTargetColumns, TNavigationKey>> navigation)
        where TTarget : class
        where TTargetColumns : ColumnSet
        where TNavigationKey : notnull =>
        _table.Load(entities, navigation);
}
