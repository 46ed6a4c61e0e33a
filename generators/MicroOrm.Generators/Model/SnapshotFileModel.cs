namespace MicroOrm.Generators.Model;

/// <summary>A database's <c>Migrations/&lt;DatabaseClass&gt;/model.snapshot</c>: the schema its last migration leads to.</summary>
internal sealed record SnapshotFileModel(string Database, string Text, string Path);
