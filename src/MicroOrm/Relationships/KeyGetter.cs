using System.ComponentModel;

namespace MicroOrm;

/// <summary>Reads a key (or a foreign key) from an entity; false when a nullable foreign key holds no value.</summary>
/// <typeparam name="T">The entity.</typeparam>
/// <typeparam name="TKey">The key type, without nullability.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool KeyGetter<in T, TKey>(T entity, out TKey key);
