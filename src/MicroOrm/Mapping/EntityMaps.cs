using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>Reaches an entity's generated map through its static interface, for generated code that cannot name it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EntityMaps
{
    /// <summary>The map of <typeparamref name="TEntity"/>.</summary>
    public static EntityMap<TEntity, TColumns, TKey> Of<TEntity, TColumns, TKey>()
        where TEntity : class, IEntity<TEntity, TColumns, TKey>
        where TColumns : ColumnSet => TEntity.Map;

    /// <summary>The table of <typeparamref name="TEntity"/>.</summary>
    public static TableInfo TableOf<TEntity, TColumns, TKey>()
        where TEntity : class, IEntity<TEntity, TColumns, TKey>
        where TColumns : ColumnSet => TEntity.Map.Table;
}
