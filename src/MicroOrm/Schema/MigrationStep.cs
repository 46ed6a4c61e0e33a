namespace MicroOrm.Schema;

/// <summary>
/// One statement of a migration: its SQL, what it does in words, the algorithm the dialect performs it with (a lower
/// bound: the server may do better), and whether it loses data (a dropped table or column, a narrowed type).
/// </summary>
internal sealed record MigrationStep(string Sql, string Description, SchemaChange Change, AlterAlgorithm Algorithm, bool LosesData);
