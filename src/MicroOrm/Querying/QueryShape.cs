namespace MicroOrm;

/// <summary>
/// What a query asks for besides its tables: the filter, the order and the page. An immutable value: each change
/// makes a new shape, which is what lets queries be kept and extended.
/// </summary>
internal sealed record QueryShape(Condition? Where, Ordering[] Orderings, int? Skip, int? Take)
{
    public static readonly QueryShape Empty = new(null, [], null, null);

    public bool IsPlain => Where is null && Orderings.Length == 0 && Skip is null && Take is null;

    public QueryShape AddWhere(Condition condition)
    {
        System.ArgumentNullException.ThrowIfNull(condition);
        return this with { Where = Where is null ? condition : new LogicalCondition(Where, condition, isAnd: true) };
    }

    public QueryShape SetOrder(Ordering ordering) => this with { Orderings = [ordering] };

    public QueryShape AddOrder(Ordering ordering) => this with { Orderings = [.. Orderings, ordering] };
}
