using System;

namespace MicroOrm;

/// <summary>
/// A read-only query with an <c>Include</c> just added: <see cref="ThenInclude"/> continues that path one level
/// deeper, as on <see cref="IncludableQuery{TEntity, TColumns, TTarget, TTargetColumns}"/>.
/// </summary>
/// <typeparam name="TEntity">The entity queried.</typeparam>
/// <typeparam name="TColumns">Its column set.</typeparam>
/// <typeparam name="TTarget">The entity the last include reaches.</typeparam>
/// <typeparam name="TTargetColumns">That entity's column set.</typeparam>
public sealed class ReadOnlyIncludableQuery<TEntity, TColumns, TTarget, TTargetColumns> : ReadOnlyQuery<TEntity, TColumns>
    where TEntity : class
    where TColumns : ColumnSet
    where TTarget : class
    where TTargetColumns : ColumnSet
{
    private readonly IncludableQuery<TEntity, TColumns, TTarget, TTargetColumns> _includable;

    internal ReadOnlyIncludableQuery(IncludableQuery<TEntity, TColumns, TTarget, TTargetColumns> query)
        : base(query)
    {
        _includable = query;
    }

    /// <inheritdoc cref="IncludableQuery{TEntity, TColumns, TTarget, TTargetColumns}.ThenInclude"/>
    public ReadOnlyIncludableQuery<TEntity, TColumns, TNext, TNextColumns> ThenInclude<TNext, TNextColumns, TKey>(
        Func<TTargetColumns, Navigation<TTarget, TNext, TNextColumns, TKey>> navigation)
        where TNext : class
        where TNextColumns : ColumnSet
        where TKey : notnull =>
        new(_includable.ThenInclude(navigation));
}
