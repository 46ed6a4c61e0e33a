using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// What the generator knows about an entity, in a form the runtime can use: the table's metadata and the code that
/// reads rows and binds values. One generated subclass exists per entity.
/// </summary>
/// <typeparam name="TEntity">The entity.</typeparam>
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
}

/// <summary>An entity map that also knows the entity's generated column set.</summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">The generated column set.</typeparam>
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
public abstract class EntityMap<TEntity, TColumns, TKey> : EntityMap<TEntity, TColumns>
    where TColumns : ColumnSet
{
}
