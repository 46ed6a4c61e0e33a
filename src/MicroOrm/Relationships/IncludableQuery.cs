using System;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// A query with an <c>Include</c> just added: <see cref="ThenInclude"/> continues that path one level deeper
/// (<c>db.Users.Include(u =&gt; u.Addresses).ThenInclude(a =&gt; a.City)</c>). Otherwise it is an ordinary query.
/// </summary>
/// <typeparam name="TEntity">The entity queried.</typeparam>
/// <typeparam name="TColumns">Its column set.</typeparam>
/// <typeparam name="TTarget">The entity the last include reaches.</typeparam>
/// <typeparam name="TTargetColumns">That entity's column set, given to <see cref="ThenInclude"/>.</typeparam>
public sealed class IncludableQuery<TEntity, TColumns, TTarget, TTargetColumns> : Query<TEntity, TColumns>
    where TEntity : class
    where TColumns : ColumnSet
    where TTarget : class
    where TTargetColumns : ColumnSet
{
    private readonly TTargetColumns _targetColumns;

    internal IncludableQuery(DatabaseContext database, EntityMap<TEntity, TColumns> map, QueryShape shape, TTargetColumns targetColumns)
        : base(database, map, shape)
    {
        _targetColumns = targetColumns;
    }

    /// <summary>Also loads <paramref name="navigation"/> of the entities the last include loaded.</summary>
    public IncludableQuery<TEntity, TColumns, TNext, TNextColumns> ThenInclude<TNext, TNextColumns, TKey>(
        Func<TTargetColumns, Navigation<TTarget, TNext, TNextColumns, TKey>> navigation)
        where TNext : class
        where TNextColumns : ColumnSet
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var selected = navigation(_targetColumns);
        return new IncludableQuery<TEntity, TColumns, TNext, TNextColumns>(Database, Map, Shape.ExtendLastInclude(selected), selected.TargetColumns);
    }
}
