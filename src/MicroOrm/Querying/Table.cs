using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// A table accessor (<c>db.States</c>): the starting point of queries over the entity, and the home of the writes
/// that take entities.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set.</typeparam>
/// <typeparam name="TKey">Its key type.</typeparam>
public sealed class Table<TEntity, TColumns, TKey> : Query<TEntity, TColumns>
    where TEntity : IEntity<TEntity, TColumns, TKey>
    where TColumns : ColumnSet
{
    /// <summary>Created by the generated database class.</summary>
    public Table(DatabaseContext database)
        : base(database, TEntity.Map)
    {
    }

    /// <summary>The table's metadata.</summary>
    public TableInfo Info => Map.Table;
}
