using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// Loads a query's rows with their includes. Split: the main query, then one <c>IN (...)</c> query per include level
/// (chunked at <see cref="MaxKeysPerQuery"/> keys). Single: one query with every included table LEFT JOINed, whose rows
/// are folded back into objects through one identity map per table. Never one query per row.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IncludeLoader
{
    /// <summary>The most keys one IN list carries; larger sets take several queries per level.</summary>
    public const int MaxKeysPerQuery = 5_000;

    internal static ValueTask<List<TEntity>> LoadAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, QueryShape shape, IOBehavior io, CancellationToken cancellationToken)
        where TEntity : class
    {
        var tree = IncludeNode.Build(shape.Includes);
        return shape.SingleQuery
            ? LoadJoinedAsync(database, map, shape, tree, io, cancellationToken)
            : LoadSplitAsync(database, map, shape, tree, io, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<List<TEntity>> LoadSplitAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, QueryShape shape, List<IncludeNode> tree, IOBehavior io, CancellationToken cancellationToken)
        where TEntity : class
    {
        var roots = await database.Executor.ListAsync(new CommandRequest(QuerySql.Select(map.Table, shape, null).ToStatement(), map.Table, cancellationToken).AsRead(shape.Consistency), map.OrdinalReader, io).ConfigureAwait(false);
        var sources = new List<object>(roots);
        await LoadLevelAsync(database, tree, sources, shape.Filters, shape.Consistency, io, cancellationToken).ConfigureAwait(false);
        return roots;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask LoadLevelAsync(DatabaseContext database, List<IncludeNode> nodes, List<object> sources, FilterState filters, ReadConsistency? consistency, IOBehavior io, CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            var loaded = await node.Navigation.LoadAsync(database, filters, sources, MaxKeysPerQuery, io, cancellationToken, consistency).ConfigureAwait(false);
            if (node.Children.Count > 0) await LoadLevelAsync(database, node.Children, loaded, filters, consistency, io, cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<List<TEntity>> LoadJoinedAsync<TEntity>(DatabaseContext database, EntityMap<TEntity> map, QueryShape shape, List<IncludeNode> tree, IOBehavior io, CancellationToken cancellationToken)
        where TEntity : class
    {
        // Tables in depth-first order: index 0 is the root, each node remembers its parent's index.
        var nodes = new List<(IncludeNode Node, int Parent)>();
        void Flatten(List<IncludeNode> level, int parent)
        {
            foreach (var node in level)
            {
                nodes.Add((node, parent));
                Flatten(node.Children, nodes.Count);
            }
        }

        Flatten(tree, 0);
        var statement = QuerySql.JoinedInclude(map.Table, shape, nodes.ConvertAll(static n => (n.Node.Navigation, n.Parent)));
        var offsets = new int[nodes.Count + 1];
        offsets[1] = map.Table.Columns.Count;
        for (var i = 1; i < nodes.Count; i++) offsets[i + 1] = offsets[i] + nodes[i - 1].Node.Navigation.TargetTable.Columns.Count;
        var targets = new JoinedTarget[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) targets[i] = nodes[i].Node.Navigation.CreateJoinedTarget(offsets[i + 1]);

        var rootReader = map.OrdinalReader;
        var roots = new List<TEntity>();
        var rootsByKey = new RootTracker<TEntity>(map.Table, rootReader, roots);
        var prepared = new HashSet<object>[nodes.Count];
        for (var i = 0; i < prepared.Length; i++) prepared[i] = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var row = new object?[nodes.Count + 1];
        var lastParents = new object?[nodes.Count];

        var folder = new DelegateRowReader<bool>(r =>
        {
            var root = rootsByKey.RootOf(r);

            row[0] = root;
            for (var i = 0; i < nodes.Count; i++)
            {
                var parent = row[nodes[i].Parent];
                row[i + 1] = null;
                if (parent is null) continue;
                // A parent on the row before was prepared then; only a parent seen first now starts its collection.
                if (!ReferenceEquals(parent, lastParents[i]))
                {
                    if (prepared[i].Add(parent)) targets[i].Prepare(parent);
                    lastParents[i] = parent;
                }

                if (targets[i].Read(r) is { } target)
                {
                    targets[i].Attach(parent, target);
                    row[i + 1] = target;
                }
            }

            return true;
        });

        await database.Executor.VisitAsync(new CommandRequest(statement, map.Table, cancellationToken).AsRead(shape.Consistency), folder, io).ConfigureAwait(false);
        return roots;
    }

    /// <summary>Include paths merged into a tree: two paths through the same navigation share its node.</summary>
    private sealed class IncludeNode(Navigation navigation)
    {
        public Navigation Navigation { get; } = navigation;

        public List<IncludeNode> Children { get; } = [];

        public static List<IncludeNode> Build(Navigation[][] paths)
        {
            var roots = new List<IncludeNode>();
            foreach (var path in paths)
            {
                var level = roots;
                foreach (var navigation in path)
                {
                    var node = level.Find(n => ReferenceEquals(n.Navigation, navigation));
                    if (node is null) level.Add(node = new IncludeNode(navigation));
                    level = node.Children;
                }
            }

            return roots;
        }
    }
}

/// <summary>
/// Finds the root entity of each joined row by its key, reading the entity only for the first row of each root (a
/// state with ten cities comes back as ten rows; it is read once). An integral key is compared as a number, with no
/// boxing; other keys go through their boxed values.
/// </summary>
internal sealed class RootTracker<TEntity>(TableInfo table, RowReader<TEntity> reader, List<TEntity> roots)
    where TEntity : class
{
    private readonly int[] _keyOrdinals = KeyOrdinals(table);
    private readonly bool _integral = table.KeyColumns.Count == 1 && IsIntegral(table.KeyColumns[0].ClrType);
    private readonly Dictionary<long, TEntity> _byNumber = new();
    private readonly Dictionary<object, TEntity> _byValue = new();
    private TEntity? _current;
    private long _currentNumber;

    public TEntity RootOf(System.Data.Common.DbDataReader row)
    {
        if (_integral)
        {
            var number = row.GetInt64(_keyOrdinals[0]);
            if (_current is not null && number == _currentNumber) return _current;
            if (!_byNumber.TryGetValue(number, out var known)) _byNumber[number] = known = New(row);
            _currentNumber = number;
            return _current = known;
        }

        var key = KeyOf(row);
        if (!_byValue.TryGetValue(key, out var root)) _byValue[key] = root = New(row);
        return root;
    }

    private TEntity New(System.Data.Common.DbDataReader row)
    {
        var root = reader.Read(row);
        roots.Add(root);
        return root;
    }

    private object KeyOf(System.Data.Common.DbDataReader row)
    {
        if (_keyOrdinals.Length == 1) return row.GetValue(_keyOrdinals[0]);
        var parts = new object[_keyOrdinals.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = row.GetValue(_keyOrdinals[i]);
        return new CompositeKey(parts);
    }

    /// <summary>The values of a composite key, equal when every part is.</summary>
    private sealed class CompositeKey(object[] parts) : System.IEquatable<CompositeKey>
    {
        public bool Equals(CompositeKey? other)
        {
            if (other is null) return false;
            for (var i = 0; i < parts.Length; i++)
            {
                if (!Equals(parts[i], other.Parts[i])) return false;
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as CompositeKey);

        public override int GetHashCode()
        {
            var hash = new System.HashCode();
            foreach (var part in parts) hash.Add(part);
            return hash.ToHashCode();
        }

        private object[] Parts => parts;
    }

    private static int[] KeyOrdinals(TableInfo table)
    {
        var ordinals = new int[table.KeyColumns.Count];
        for (var i = 0; i < ordinals.Length; i++) ordinals[i] = table.KeyColumns[i].Ordinal;
        return ordinals;
    }

    internal static bool IsIntegral(System.Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte);
}
