namespace MicroOrm.Generators;

/// <summary>
/// Names of the pipeline steps, so tests can check that each step is cached when nothing it reads changed. The code
/// steps hold no source location, so moving a class leaves them unchanged; the parse results and the diagnostic steps
/// hold locations, and run again when a class moves.
/// </summary>
internal static class TrackingNames
{
    // Read by both paths.
    public const string KnownSymbols = nameof(KnownSymbols);
    public const string EntityResults = nameof(EntityResults);
    public const string RowResults = nameof(RowResults);
    public const string DatabaseResults = nameof(DatabaseResults);
    public const string MigrationFileResults = nameof(MigrationFileResults);

    // The code path: location-free models, and what the source outputs read.
    public const string Entities = nameof(Entities);
    public const string Rows = nameof(Rows);
    public const string Schema = nameof(Schema);
    public const string Databases = nameof(Databases);
    public const string DatabaseCode = nameof(DatabaseCode);
    public const string MigrationFiles = nameof(MigrationFiles);
    public const string SnapshotFiles = nameof(SnapshotFiles);
    public const string Converters = nameof(Converters);

    // The diagnostics path.
    public const string EntityDiagnostics = nameof(EntityDiagnostics);
    public const string RowDiagnostics = nameof(RowDiagnostics);
    public const string SchemaDiagnostics = nameof(SchemaDiagnostics);
    public const string DatabaseDiagnostics = nameof(DatabaseDiagnostics);
    public const string MigrationFileDiagnostics = nameof(MigrationFileDiagnostics);
    public const string MigrationVersionDiagnostics = nameof(MigrationVersionDiagnostics);
    public const string SnapshotDiagnostics = nameof(SnapshotDiagnostics);
}
