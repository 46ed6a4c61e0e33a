namespace MicroOrm;

/// <summary>
/// An update or delete of an entity found its row changed (or deleted) by another writer since the entity was read:
/// the row's concurrency token no longer matches. Nothing was written. Read the entity again and reapply the change;
/// <c>RunInTransactionAsync</c> does so by running its unit of work again.
/// </summary>
public sealed class ConcurrencyException : MicroOrmException
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyException(string entityName, string table, string tokenColumn, string sql)
        : base(
            $"The {entityName} was changed or deleted by another writer since it was read: its row in {table} no longer has the {tokenColumn} it was read with, so nothing was written. Read it again and reapply the change.",
            null, sql, table, tokenColumn)
    {
        EntityName = entityName;
    }

    /// <summary>The entity's class name.</summary>
    public string EntityName { get; }
}
