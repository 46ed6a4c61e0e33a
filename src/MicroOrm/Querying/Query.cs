using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>A query over one entity's table. Queries are immutable: every method that refines one returns a new query.</summary>
/// <typeparam name="TEntity">The entity.</typeparam>
/// <typeparam name="TColumns">Its generated column set.</typeparam>
public class Query<TEntity, TColumns>
    where TColumns : ColumnSet
{
    private protected Query(DatabaseContext database, EntityMap<TEntity, TColumns> map)
    {
        Database = database;
        Map = map;
    }

    private protected DatabaseContext Database { get; }

    private protected EntityMap<TEntity, TColumns> Map { get; }

    /// <summary>Runs the query and returns every row.</summary>
    public async Task<List<TEntity>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var table = Map.Table;
        var sql = "SELECT " + table.SelectList + " FROM " + table.QuotedName;
        return await Database.Executor.ListAsync(sql, Map.OrdinalReader, table.Name, cancellationToken).ConfigureAwait(false);
    }
}
