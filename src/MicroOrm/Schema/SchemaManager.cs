using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>Creates and drops the tables of a database's entities, in dependency order.</summary>
public sealed class SchemaManager
{
    private readonly DatabaseContext _database;
    private readonly TableInfo[] _tables;

    internal SchemaManager(DatabaseContext database, TableInfo[] tables)
    {
        _database = database;
        _tables = tables;
    }

    /// <summary>The tables, each after the tables its foreign keys reference.</summary>
    public IReadOnlyList<TableInfo> Tables => _tables;

    /// <summary>Runs <c>CREATE TABLE IF NOT EXISTS</c> for every table, referenced tables first.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in _tables)
        {
            await _database.Executor.ExecuteAsync(new SqlStatement(table.CreateSql, []), table, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <c>DROP TABLE IF EXISTS</c> for every table, dependent tables first.</summary>
    public async Task DropAsync(CancellationToken cancellationToken = default)
    {
        for (var i = _tables.Length - 1; i >= 0; i--)
        {
            var table = _tables[i];
            await _database.Executor.ExecuteAsync(new SqlStatement("DROP TABLE IF EXISTS " + table.QuotedName, []), table, cancellationToken).ConfigureAwait(false);
        }
    }
}
