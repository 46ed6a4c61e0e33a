namespace MicroOrm;

/// <summary>
/// Implemented by every generated <c>[Database]</c> class, so that generic code (dependency injection, the health
/// check) can make one from a connection source without reflection.
/// </summary>
/// <typeparam name="TSelf">The generated database class.</typeparam>
public interface IDatabase<TSelf>
    where TSelf : DatabaseContext, IDatabase<TSelf>
{
    /// <summary>A database object over <paramref name="source"/>, which the caller keeps and disposes.</summary>
    static abstract TSelf Connect(ConnectionSource source);
}
