namespace MicroOrm.Generators;

/// <summary>Names of the pipeline steps, so tests can check that each step is cached when nothing it reads changed.</summary>
internal static class TrackingNames
{
    public const string EntityResults = nameof(EntityResults);
    public const string Entities = nameof(Entities);
    public const string Schema = nameof(Schema);
    public const string DatabaseResults = nameof(DatabaseResults);
    public const string RowResults = nameof(RowResults);
}
