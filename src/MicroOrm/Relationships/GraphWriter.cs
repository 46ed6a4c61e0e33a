using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Inserts a graph of new entities: for each entity, first the new principals it points at (so its foreign keys can
/// be filled), then the entity, then its new dependents with their foreign keys set from its generated key. Each
/// entity is visited once; entities that already have a generated key are left alone.
/// </summary>
internal sealed class GraphWriter(DatabaseContext database)
{
    private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);

    public bool IsNew<T>(T entity, EntityMap<T> map)
        where T : class =>
        !_visited.Contains(entity) && !map.HasGeneratedKeyValue(entity);

    public ValueTask InsertAsync<T>(T entity, EntityMap<T> map, IOBehavior io, CancellationToken cancellationToken)
        where T : class =>
        InsertManyAsync([entity], map, io, cancellationToken);

    public async ValueTask InsertManyAsync<T>(IReadOnlyList<T> entities, EntityMap<T> map, IOBehavior io, CancellationToken cancellationToken)
        where T : class
    {
        var fresh = new List<T>();
        foreach (var entity in entities)
        {
            if (!IsNew(entity, map)) continue;
            _visited.Add(entity);
            fresh.Add(entity);
        }

        if (fresh.Count == 0) return;
        foreach (var entity in fresh)
        {
            foreach (var navigation in map.Navigations) await navigation.InsertPrincipalAsync(entity, this, io, cancellationToken).ConfigureAwait(false);
        }

        await EntityWriter.InsertManyAsync(database, map, fresh, database.Filters, io, cancellationToken).ConfigureAwait(false);
        foreach (var entity in fresh)
        {
            foreach (var navigation in map.Navigations) await navigation.InsertDependentsAsync(entity, this, io, cancellationToken).ConfigureAwait(false);
        }
    }
}

