using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A navigation from <typeparamref name="TSource"/> to <typeparamref name="TTarget"/>, matched on a key of type
/// <typeparamref name="TKey"/>. Generated code creates one per navigation property, with static delegates that read
/// keys and set properties (no reflection); the column information of the other entity is resolved on first use.
/// </summary>
/// <typeparam name="TSource">The entity that declares the navigation.</typeparam>
/// <typeparam name="TTarget">The entity it reaches.</typeparam>
/// <typeparam name="TTargetColumns">The target's column set, given to <c>ThenInclude</c> lambdas.</typeparam>
/// <typeparam name="TKey">The principal's key type (without nullability).</typeparam>
public sealed class Navigation<TSource, TTarget, TTargetColumns, TKey> : Navigation
    where TSource : class
    where TTarget : class
    where TTargetColumns : ColumnSet
    where TKey : notnull
{
    private readonly Func<EntityMap<TTarget, TTargetColumns>> _targetMap;
    private readonly Func<ColumnInfo> _sourceKeyColumn;
    private readonly Func<ColumnInfo> _targetKeyColumn;
    private readonly KeyGetter<TSource, TKey> _sourceKey;
    private readonly KeyGetter<TTarget, TKey> _targetKey;
    private readonly NavigationSetters<TSource, TTarget, TKey> _setters;
    private EntityMap<TTarget, TTargetColumns>? _map;

    /// <summary>Created by generated code.</summary>
    public Navigation(
        string name,
        NavigationKind kind,
        Func<EntityMap<TTarget, TTargetColumns>> targetMap,
        Func<ColumnInfo> sourceKeyColumn,
        Func<ColumnInfo> targetKeyColumn,
        KeyGetter<TSource, TKey> sourceKey,
        KeyGetter<TTarget, TKey> targetKey,
        NavigationSetters<TSource, TTarget, TKey> setters)
        : base(name, kind)
    {
        _targetMap = targetMap;
        _sourceKeyColumn = sourceKeyColumn;
        _targetKeyColumn = targetKeyColumn;
        _sourceKey = sourceKey;
        _targetKey = targetKey;
        _setters = setters;
    }

    /// <summary>The target's column set, for <c>ThenInclude</c>.</summary>
    public TTargetColumns TargetColumns => TargetMap.GetColumns(0);

    internal EntityMap<TTarget, TTargetColumns> TargetMap => _map ??= _targetMap();

    internal override TableInfo TargetTable => TargetMap.Table;

    internal override ColumnInfo TargetKeyColumn => _targetKeyColumn();

    internal override ColumnInfo SourceKeyColumn => _sourceKeyColumn();

    internal override async ValueTask<List<object>> LoadAsync(DatabaseContext database, FilterState filters, IReadOnlyList<object> sources, int maxKeysPerQuery, IOBehavior io, CancellationToken cancellationToken, ReadConsistency? consistency = null)
    {
        var keys = new List<TKey>();
        var seen = new HashSet<TKey>();
        foreach (var source in sources)
        {
            if (_sourceKey((TSource)source, out var key) && seen.Add(key)) keys.Add(key);
        }

        var targets = new List<TTarget>();
        for (var start = 0; start < keys.Count; start += maxKeysPerQuery)
        {
            var statement = KeyListQuery(keys, start, Math.Min(maxKeysPerQuery, keys.Count - start), filters);
            targets.AddRange(await database.Executor.ListAsync(new CommandRequest(statement, TargetTable, cancellationToken).AsRead(consistency), TargetMap.OrdinalReader, io).ConfigureAwait(false));
        }

        if (Kind == NavigationKind.BelongsTo) AssignPrincipals(sources, targets);
        else AssignDependents(sources, targets);
        return new List<object>(targets);
    }

    internal override JoinedTarget CreateJoinedTarget(int firstOrdinal) => new Joined(this, firstOrdinal);

    internal override async ValueTask InsertPrincipalAsync(object source, GraphWriter writer, IOBehavior io, CancellationToken cancellationToken)
    {
        if (Kind != NavigationKind.BelongsTo) return;
        var entity = (TSource)source;
        if (_setters.GetReference!(entity) is not { } principal) return;
        await writer.InsertAsync(principal, TargetMap, io, cancellationToken).ConfigureAwait(false);
        if (_targetKey(principal, out var key)) _setters.SetSourceForeignKey!(entity, key);
    }

    internal override async ValueTask InsertDependentsAsync(object source, GraphWriter writer, IOBehavior io, CancellationToken cancellationToken)
    {
        if (Kind == NavigationKind.BelongsTo) return;
        var entity = (TSource)source;
        if (!_sourceKey(entity, out var key)) return;
        var dependents = new List<TTarget>();
        if (Kind == NavigationKind.HasMany)
        {
            if (_setters.GetCollection!(entity) is { } items) dependents.AddRange(items);
        }
        else if (_setters.GetReference!(entity) is { } single)
        {
            dependents.Add(single);
        }

        var fresh = new List<TTarget>();
        foreach (var dependent in dependents)
        {
            if (!writer.IsNew(dependent, TargetMap)) continue;
            _setters.SetTargetForeignKey!(dependent, key);
            _setters.SetInverse?.Invoke(dependent, entity);
            fresh.Add(dependent);
        }

        await writer.InsertManyAsync(fresh, TargetMap, io, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The load of one batch of keys: children come back in key order.</summary>
    private SqlStatement KeyListQuery(List<TKey> keys, int start, int count, FilterState filters)
    {
        var values = new object?[count];
        for (var i = 0; i < count; i++) values[i] = TargetKeyColumn.ToDbValue(keys[start + i]);
        return QuerySql.SelectByKeys(TargetTable, TargetKeyColumn, values, filters);
    }

    private void AssignDependents(IReadOnlyList<object> sources, List<TTarget> targets)
    {
        var byKey = new Dictionary<TKey, List<TTarget>>();
        foreach (var target in targets)
        {
            if (!_targetKey(target, out var key)) continue;
            if (!byKey.TryGetValue(key, out var group)) byKey[key] = group = new List<TTarget>();
            group.Add(target);
        }

        foreach (var item in sources)
        {
            var source = (TSource)item;
            var group = _sourceKey(source, out var key) && byKey.TryGetValue(key, out var found) ? found : new List<TTarget>();
            if (Kind == NavigationKind.HasMany) _setters.SetCollection!(source, group);
            else _setters.SetReference!(source, group.Count > 0 ? group[0] : null);
            if (_setters.SetInverse is { } inverse)
            {
                foreach (var target in group) inverse(target, source);
            }
        }
    }

    private void AssignPrincipals(IReadOnlyList<object> sources, List<TTarget> targets)
    {
        var byKey = new Dictionary<TKey, TTarget>();
        foreach (var target in targets)
        {
            if (_targetKey(target, out var key)) byKey[key] = target;
        }

        foreach (var item in sources)
        {
            var source = (TSource)item;
            _setters.SetReference!(source, _sourceKey(source, out var key) && byKey.TryGetValue(key, out var principal) ? principal : null);
        }
    }

    /// <summary>
    /// Folds joined rows: each target once per key, each link once, in the order rows arrive. The joined SQL orders
    /// by every table's key, so a target repeated by the join (a state on each of its cities' rows) mostly comes on
    /// consecutive rows: an integral key is read first and compared with the last one, and only a new key reads the
    /// entity or looks in the identity map. Each step keeps its map as the fallback, so rows in any order still fold
    /// right.
    /// </summary>
    private sealed class Joined : JoinedTarget
    {
        private readonly Navigation<TSource, TTarget, TTargetColumns, TKey> _navigation;
        private readonly RowReader<TTarget> _reader;
        private readonly int _matchOrdinal;
        private readonly int _keyOrdinal;
        private readonly Dictionary<long, TTarget> _byNumber = new();
        private readonly Dictionary<TTarget, TTarget> _identity;
        private readonly Dictionary<TSource, (List<TTarget> Items, HashSet<TTarget> Seen)> _collections = new(ReferenceEqualityComparer.Instance);
        private TTarget? _lastTarget;
        private long _lastKey;
        private TSource? _lastSource;
        private (List<TTarget> Items, HashSet<TTarget> Seen) _lastCollection;

        public Joined(Navigation<TSource, TTarget, TTargetColumns, TKey> navigation, int firstOrdinal)
        {
            _navigation = navigation;
            _reader = navigation.TargetMap.ReaderAt(firstOrdinal);
            _matchOrdinal = firstOrdinal + navigation.TargetKeyColumn.Ordinal;
            var keys = navigation.TargetTable.KeyColumns;
            _keyOrdinal = keys.Count == 1 && RootTracker<TTarget>.IsIntegral(keys[0].ClrType) ? firstOrdinal + keys[0].Ordinal : -1;
            _identity = new Dictionary<TTarget, TTarget>(navigation.TargetMap.KeyComparer);
        }

        public override object? Read(DbDataReader reader)
        {
            // A LEFT JOIN with no match leaves the target's columns NULL.
            if (reader.IsDBNull(_matchOrdinal)) return null;
            if (_keyOrdinal < 0) return ReadByIdentity(reader);
            var key = reader.GetInt64(_keyOrdinal);
            if (_lastTarget is not null && key == _lastKey) return _lastTarget;
            if (!_byNumber.TryGetValue(key, out var target)) _byNumber[key] = target = _reader.Read(reader);
            _lastKey = key;
            return _lastTarget = target;
        }

        public override void Prepare(object source)
        {
            var entity = (TSource)source;
            if (_navigation.Kind == NavigationKind.HasMany)
            {
                var items = new List<TTarget>();
                _collections[entity] = (items, new HashSet<TTarget>(ReferenceEqualityComparer.Instance));
                _navigation._setters.SetCollection!(entity, items);
            }
            else
            {
                _navigation._setters.SetReference!(entity, null);
            }
        }

        public override void Attach(object source, object target)
        {
            var entity = (TSource)source;
            var item = (TTarget)target;
            if (_navigation.Kind == NavigationKind.HasMany)
            {
                if (!ReferenceEquals(entity, _lastSource))
                {
                    _lastCollection = _collections[entity];
                    _lastSource = entity;
                }

                var (items, seen) = _lastCollection;
                // The same link on the next row (a deeper level repeats it) is the common duplicate; the set catches the rest.
                if (items.Count > 0 && ReferenceEquals(items[^1], item)) return;
                if (!seen.Add(item)) return;
                items.Add(item);
            }
            else
            {
                _navigation._setters.SetReference!(entity, item);
            }

            if (_navigation.Kind != NavigationKind.BelongsTo) _navigation._setters.SetInverse?.Invoke(item, entity);
        }

        /// <summary>A key that is not one integer: the entity is read and found in the identity map by its key.</summary>
        private TTarget ReadByIdentity(DbDataReader reader)
        {
            var target = _reader.Read(reader);
            if (_identity.TryGetValue(target, out var existing)) return existing;
            _identity[target] = target;
            return target;
        }
    }
}

/// <summary>The property setters a navigation needs, generated as static lambdas; which are set depends on its kind.</summary>
/// <typeparam name="TSource">The entity that declares the navigation.</typeparam>
/// <typeparam name="TTarget">The entity it reaches.</typeparam>
/// <typeparam name="TKey">The principal's key type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NavigationSetters<TSource, TTarget, TKey>
{
    /// <summary>Assigns a loaded collection (<c>[HasMany]</c>).</summary>
    public Action<TSource, List<TTarget>>? SetCollection { get; init; }

    /// <summary>Reads the collection, for graph inserts (<c>[HasMany]</c>).</summary>
    public Func<TSource, IEnumerable<TTarget>?>? GetCollection { get; init; }

    /// <summary>Assigns the single related entity (<c>[HasOne]</c>, <c>[BelongsTo]</c>).</summary>
    public Action<TSource, TTarget?>? SetReference { get; init; }

    /// <summary>Reads the single related entity, for graph inserts.</summary>
    public Func<TSource, TTarget?>? GetReference { get; init; }

    /// <summary>Sets the dependent's reference back to the principal (<c>city.State = state</c>), when it declares one.</summary>
    public Action<TTarget, TSource>? SetInverse { get; init; }

    /// <summary>Sets this entity's foreign key from the principal's key (<c>[BelongsTo]</c>, graph inserts).</summary>
    public Action<TSource, TKey>? SetSourceForeignKey { get; init; }

    /// <summary>Sets a dependent's foreign key from this entity's key (<c>[HasMany]</c>, <c>[HasOne]</c>, graph inserts).</summary>
    public Action<TTarget, TKey>? SetTargetForeignKey { get; init; }
}
