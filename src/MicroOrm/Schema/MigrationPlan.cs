using System.Collections.Generic;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>
/// The steps of one migration on a dialect. A step that loses data is kept only when the plan allows data loss;
/// otherwise it is listed in <see cref="Withheld"/>, so that the tool can say what it left out and how to ask for it.
/// </summary>
internal sealed class MigrationPlan(SqlDialect dialect, bool allowDataLoss)
{
    public SqlDialect Dialect { get; } = dialect;

    public List<MigrationStep> Steps { get; } = [];

    public List<MigrationStep> Withheld { get; } = [];

    public void Add(string sql, string description, SchemaChange change, bool losesData = false)
    {
        var step = new MigrationStep(sql, description, change, Dialect.AlgorithmOf(change), losesData);
        (losesData && !allowDataLoss ? Withheld : Steps).Add(step);
    }
}
