using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A navigation property as the generator described it, found on a generated column set (<c>s.Cities</c>) and passed
/// to <c>Include</c>, <c>ThenInclude</c> and <c>LoadAsync</c>. The loaders work through it without knowing the types.
/// </summary>
public abstract class Navigation
{
    private protected Navigation(string name, NavigationKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The navigation property's name.</summary>
    public string Name { get; }

    /// <summary>Collection, single dependent, or principal.</summary>
    public NavigationKind Kind { get; }

    /// <summary>The table the navigation reaches.</summary>
    internal abstract TableInfo TargetTable { get; }

    /// <summary>The column of the target table that the join and the IN list match (a foreign key or a key).</summary>
    internal abstract ColumnInfo TargetKeyColumn { get; }

    /// <summary>The column of the source table matched against <see cref="TargetKeyColumn"/>.</summary>
    internal abstract ColumnInfo SourceKeyColumn { get; }

    /// <summary>Loads the targets of every source with IN queries (chunked) and assigns them; returns the targets.</summary>
    internal abstract ValueTask<List<object>> LoadAsync(DatabaseContext database, FilterState filters, IReadOnlyList<object> sources, int maxKeysPerQuery, IOBehavior io, CancellationToken cancellationToken, ReadConsistency? consistency = null);

    /// <summary>Creates the per-query state that folds joined rows for this navigation.</summary>
    internal abstract JoinedTarget CreateJoinedTarget(int firstOrdinal);

    /// <summary>For a graph insert: inserts new principals this entity points at, and fills its foreign keys from them.</summary>
    internal abstract ValueTask InsertPrincipalAsync(object source, GraphWriter writer, IOBehavior io, CancellationToken cancellationToken);

    /// <summary>For a graph insert: fills the foreign keys of this entity's new dependents and inserts them.</summary>
    internal abstract ValueTask InsertDependentsAsync(object source, GraphWriter writer, IOBehavior io, CancellationToken cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Folds the rows of a joined include: one identity map per joined table, and the links already made.</summary>
internal abstract class JoinedTarget
{
    /// <summary>The target on the current row (the one already seen with its key, if any), or null when the row has none.</summary>
    public abstract object? Read(DbDataReader reader);

    /// <summary>Starts an empty collection (or a null reference) on a source seen for the first time.</summary>
    public abstract void Prepare(object source);

    /// <summary>Links <paramref name="target"/> to <paramref name="source"/> once, keeping the order rows arrive in.</summary>
    public abstract void Attach(object source, object target);
}
