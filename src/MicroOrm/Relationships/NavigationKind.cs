namespace MicroOrm;

/// <summary>The shape of a relationship, from the side that declares the navigation.</summary>
public enum NavigationKind
{
    /// <summary>A collection of dependents whose foreign key points here (<c>[HasMany]</c>).</summary>
    HasMany,

    /// <summary>The single dependent whose unique foreign key points here (<c>[HasOne]</c>).</summary>
    HasOne,

    /// <summary>The principal this entity's foreign key points at (<c>[BelongsTo]</c>).</summary>
    BelongsTo,
}
