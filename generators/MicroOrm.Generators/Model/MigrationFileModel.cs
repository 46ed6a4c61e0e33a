namespace MicroOrm.Generators.Model;

/// <summary>
/// One migration file of a database's folder (<c>Migrations/&lt;DatabaseClass&gt;/0001_Name.sql</c>): the database class
/// it belongs to, its version and name from the file name, and its text.
/// </summary>
internal sealed record MigrationFileModel(string Database, long Version, string Name, string Script, string Path);
