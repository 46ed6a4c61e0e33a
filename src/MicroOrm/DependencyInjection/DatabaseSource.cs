using System;
using System.Threading.Tasks;

namespace MicroOrm.DependencyInjection;

/// <summary>
/// The container's one connection source for <typeparamref name="TDatabase"/>: a singleton, so every database object
/// the container makes shares one pool, which is released when the container is disposed.
/// </summary>
/// <typeparam name="TDatabase">The database class the pool serves; two database classes get two pools.</typeparam>
public sealed class DatabaseSource<TDatabase> : IAsyncDisposable, IDisposable
    where TDatabase : DatabaseContext
{
    /// <summary>Wraps <paramref name="source"/>, which this object then owns.</summary>
    public DatabaseSource(ConnectionSource source) => Source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The pool.</summary>
    public ConnectionSource Source { get; }

    /// <summary>Releases the pool.</summary>
    public ValueTask DisposeAsync() => Source.DisposeAsync();

    /// <summary>Releases the pool (for containers disposed synchronously).</summary>
    public void Dispose() => Source.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
