namespace MicroOrm;

/// <summary>
/// What a query asks for besides its tables: the filter, the order and the page. An immutable value: each change
/// makes a new shape, which is what lets queries be kept and extended.
/// </summary>
internal sealed record QueryShape(Condition? Where, Ordering[] Orderings, int? Skip, int? Take)
{
    public static readonly QueryShape Empty = new(null, [], null, null);

    /// <summary>The navigation paths to load with the rows (<c>Include(...).ThenInclude(...)</c>), each from the root.</summary>
    public Navigation[][] Includes { get; init; } = [];

    /// <summary>Whether includes load in one joined query instead of one query per level.</summary>
    public bool SingleQuery { get; init; }

    /// <summary>The tenant and the query filters turned off; by default every filter applies and there is no tenant.</summary>
    public FilterState Filters { get; init; } = FilterState.NoTenant;

    /// <summary>Where the query may read from, when the database has replicas; <see langword="null"/> for the database object's choice.</summary>
    public ReadConsistency? Consistency { get; init; }

    public bool IsPlain => Where is null && Orderings.Length == 0 && Skip is null && Take is null && Includes.Length == 0;

    /// <summary>The shape with its page cut to at most <paramref name="take"/> rows (itself when it asks for no more already).</summary>
    public QueryShape AtMost(int? take) =>
        take is not { } limit || Take is { } existing && existing <= limit ? this : this with { Take = limit };

    public QueryShape AddInclude(Navigation navigation) => this with { Includes = [.. Includes, [navigation]] };

    /// <summary>Extends the most recent include path, as <c>ThenInclude</c> does.</summary>
    public QueryShape ExtendLastInclude(Navigation navigation) =>
        this with { Includes = [.. Includes[..^1], [.. Includes[^1], navigation]] };

    public QueryShape AddWhere(Condition condition)
    {
        System.ArgumentNullException.ThrowIfNull(condition);
        return this with { Where = Where is null ? condition : new LogicalCondition(Where, condition, isAnd: true) };
    }

    public QueryShape SetOrder(Ordering ordering) => this with { Orderings = [ordering] };

    public QueryShape AddOrder(Ordering ordering) => this with { Orderings = [.. Orderings, ordering] };
}
