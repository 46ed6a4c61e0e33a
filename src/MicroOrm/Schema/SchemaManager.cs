using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.Mapping;
using MicroOrm.Schema;
using MicroOrm.SqlBuilding;

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

    private Dictionary<string, List<(TableInfo Dependent, ForeignKeyInfo ForeignKey)>>? _dependents;

    /// <summary>Creates one table (and nothing else) with <c>CREATE TABLE IF NOT EXISTS</c>.</summary>
    public Task CreateTableAsync(TableInfo table, CancellationToken cancellationToken = default) =>
        CreateTableAsync(table, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateTableAsync(TableInfo, CancellationToken)"/>
    public void CreateTable(TableInfo table) => Synchronously.Result(CreateTableAsync(table, IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The foreign keys of this database's tables that point at <paramref name="principal"/> and act on delete (CASCADE or SET NULL).</summary>
    internal List<(TableInfo Dependent, ForeignKeyInfo ForeignKey)> DependentsOf(TableInfo principal)
    {
        var map = _dependents;
        if (map is null)
        {
            map = new Dictionary<string, List<(TableInfo, ForeignKeyInfo)>>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var table in _tables)
            {
                foreach (var foreignKey in table.ForeignKeys)
                {
                    if (foreignKey.OnDelete is not (ReferentialAction.Cascade or ReferentialAction.SetNull)) continue;
                    if (!map.TryGetValue(foreignKey.PrincipalTable, out var list)) map[foreignKey.PrincipalTable] = list = [];
                    list.Add((table, foreignKey));
                }
            }

            _dependents = map;
        }

        return map.TryGetValue(principal.Name, out var dependents) ? dependents : [];
    }

    /// <summary>Runs <c>CREATE TABLE IF NOT EXISTS</c> for every table, referenced tables first.</summary>
    public Task CreateAsync(CancellationToken cancellationToken = default) => CreateAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateAsync(CancellationToken)"/>
    public void Create() => Synchronously.Wait(CreateAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>
    /// Compares the live database with the model, through <c>information_schema</c>: every table, column (type,
    /// nullability, AUTO_INCREMENT), primary key, index, foreign key and CHECK constraint the model declares, and the
    /// columns, indexes, foreign keys and checks the model's tables have beyond it. An empty list means no drift.
    /// Tables the model does not map are not reported.
    /// </summary>
    public Task<IReadOnlyList<SchemaDifference>> CheckAsync(CancellationToken cancellationToken = default) =>
        CheckAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="CheckAsync(CancellationToken)"/>
    public IReadOnlyList<SchemaDifference> Check() => Synchronously.Result(CheckAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>Runs <c>DROP TABLE IF EXISTS</c> for every table, dependent tables first.</summary>
    public Task DropAsync(CancellationToken cancellationToken = default) => DropAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc cref="DropAsync(CancellationToken)"/>
    public void Drop() => Synchronously.Wait(DropAsync(IOBehavior.Synchronous, CancellationToken.None));

    /// <summary>The CREATE TABLE of <paramref name="table"/> as the server's dialect spells it.</summary>
    private async ValueTask<int> CreateTableAsync(TableInfo table, IOBehavior io, CancellationToken cancellationToken)
    {
        var dialect = await _database.GetDialectAsync(io, cancellationToken).ConfigureAwait(false);
        return await _database.Executor.ExecuteAsync(new CommandRequest(new SqlStatement(TableDdl.CreateTable(table, dialect), []), table, cancellationToken), io).ConfigureAwait(false);
    }

    internal ValueTask<IReadOnlyList<SchemaDifference>> CheckAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var model = new List<TableShape>(_tables.Length);
        foreach (var table in _tables) model.Add(ModelShapes.Neutral(table));
        return CheckAsync(_database, model, io, cancellationToken);
    }

    /// <summary>The drift between the live database and <paramref name="model"/>, tables in no dialect (from a model or from its snapshot text).</summary>
    internal static async ValueTask<IReadOnlyList<SchemaDifference>> CheckAsync(DatabaseContext database, IReadOnlyList<TableShape> model, IOBehavior io, CancellationToken cancellationToken)
    {
        var dialect = await database.GetDialectAsync(io, cancellationToken).ConfigureAwait(false);
        var live = await LiveSchema.ReadAsync(database.Executor, io, cancellationToken).ConfigureAwait(false);
        return SchemaComparer.Compare(ModelShapes.ForDialect(model, dialect), live);
    }

    private async ValueTask CreateAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        foreach (var table in _tables) await CreateTableAsync(table, io, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask DropAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        for (var i = _tables.Length - 1; i >= 0; i--)
        {
            var table = _tables[i];
            await _database.Executor.ExecuteAsync(new CommandRequest(SessionSql.DropTable(table), table, cancellationToken), io).ConfigureAwait(false);
        }
    }
}
