using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>
/// Implemented by generated code on every <c>[Table]</c> class: it links the entity to its column set, its key type
/// and its generated map, so that generic runtime code reaches them without reflection.
/// </summary>
/// <typeparam name="TSelf">The entity.</typeparam>
/// <typeparam name="TColumns">The generated column set used in queries (<c>State.Columns</c>).</typeparam>
/// <typeparam name="TKey">The key type; a tuple for a composite key.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IEntity<TSelf, TColumns, TKey> : IRow<TSelf>
    where TSelf : class, IEntity<TSelf, TColumns, TKey>
    where TColumns : ColumnSet
{
    /// <summary>The generated map of the entity.</summary>
    static abstract EntityMap<TSelf, TColumns, TKey> Map { get; }
}
