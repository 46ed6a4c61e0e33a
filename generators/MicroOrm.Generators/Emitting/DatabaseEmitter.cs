using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>Writes a <c>[Database]</c> class's file: its table accessors, its factories, and its tables in dependency order.</summary>
internal static class DatabaseEmitter
{
    public static string Emit(DatabaseModel database, EquatableArray<EntityModel> orderedEntities, EquatableArray<MigrationFileModel> migrations)
    {
        var writer = new SourceWriter().Header();
        var hasNamespace = database.Namespace.Length > 0;
        if (hasNamespace) writer.Open("namespace " + database.Namespace);

        writer.Open($"partial class {database.Name} : {KnownNames.DatabaseContext}, {KnownNames.IDatabase}<{database.Name}>");
        writer.Line($"private static readonly {KnownNames.TableInfo}[] Tables =");
        writer.Line("{");
        writer.Indent();
        foreach (var entity in orderedEntities)
        {
            writer.Line($"{KnownNames.EntityMaps}.TableOf<{entity.FullName}, {entity.ColumnsTypeName}, {entity.KeyType}>(),");
        }

        writer.Outdent();
        writer.Line("};");
        writer.Line();
        // The migration files, embedded at build time: applying them needs no file system and no reflection.
        writer.Line($"private static readonly {KnownNames.Migration}[] EmbeddedMigrations =");
        writer.Line("{");
        writer.Indent();
        foreach (var migration in migrations)
        {
            writer.Line("// " + migration.Path.Substring(System.Math.Max(0, migration.Path.LastIndexOf("/Migrations/", System.StringComparison.Ordinal) + 1)));
            writer.Line($"new({migration.Version}, {Literals.String(migration.Name)}, {Literals.String(migration.Script)}),");
        }

        writer.Outdent();
        writer.Line("};");
        writer.Line();
        WriteModelSnapshot(writer, orderedEntities);
        writer.Line();
        writer.Line(Literals.GeneratedCode);
        writer.Line($"private {database.Name}({KnownNames.ConnectionSource} source, bool ownsSource)");
        writer.Indent().Line(": base(source, ownsSource, Tables, EmbeddedMigrations)").Outdent();
        writer.Line("{").Indent();
        foreach (var entity in orderedEntities)
        {
            writer.Line($"{entity.AccessorName} = new(this);");
        }

        writer.Close();
        WriteTenantView(writer, database, orderedEntities);
        writer.Line();
        writer.Line("/// <summary>Connects through a connection pool, owned by the returned object, to the server in <paramref name=\"connectionString\"/>.</summary>");
        writer.Line("/// <param name=\"connectionString\">A MySqlConnector connection string.</param>");
        writer.Line($"public static {database.Name} Connect(string connectionString) => new({KnownNames.ConnectionSource}.FromConnectionString(connectionString), ownsSource: true);");
        writer.Line();
        writer.Line("/// <summary>Uses connections from <paramref name=\"source\"/>, which the caller keeps and disposes.</summary>");
        writer.Line("/// <param name=\"source\">The shared connection source.</param>");
        writer.Line($"public static {database.Name} Connect({KnownNames.ConnectionSource} source) => new(source, ownsSource: false);");
        writer.Line();
        writer.Line("/// <summary>Connects through a connection pool, owned by the returned object, built from <paramref name=\"options\"/>; every option is checked first.</summary>");
        writer.Line("/// <param name=\"options\">The connection string, pool, timeouts, TLS, retries and logging.</param>");
        writer.Line($"public static {database.Name} Connect({KnownNames.MicroOrmOptions} options) => new({KnownNames.ConnectionSource}.FromOptions(options), ownsSource: true);");
        writer.Line();
        writer.Line("/// <summary>Runs every operation on <paramref name=\"connection\"/>, an open connection the caller owns; one operation at a time.</summary>");
        writer.Line("/// <param name=\"connection\">An open connection.</param>");
        writer.Line($"public static {database.Name} FromConnection({KnownNames.MySqlConnection} connection) => new({KnownNames.ConnectionSource}.FromConnection(connection), ownsSource: true);");
        writer.Line();
        writer.Line("/// <summary>Connects to the server named by the <c>MICROORM_CONNECTION_STRING</c> environment variable.</summary>");
        writer.Line($"public static {database.Name} FromEnvironment() => Connect({KnownNames.ConnectionStrings}.FromEnvironment());");
        foreach (var entity in orderedEntities)
        {
            writer.Line();
            writer.Line($"/// <summary>The table <c>{entity.TableName}</c> of <see cref=\"{entity.FullName}\"/>.</summary>");
            writer.Line($"public {KnownNames.Table}<{entity.FullName}, {entity.ColumnsTypeName}, {entity.KeyType}> {entity.AccessorName} {{ get; }}");
        }

        writer.Line();
        writer.Line("/// <summary>A view of this database with queries and no writes: hand it to code that must only read.</summary>");
        writer.Line("public ReadOnlyView AsReadOnly() => _readOnly ??= new(this);");
        writer.Line();
        writer.Line("private ReadOnlyView? _readOnly;");
        writer.Line();
        WriteReadOnlyView(writer, database, orderedEntities);
        writer.Close();
        if (hasNamespace) writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// The model's schema as a constant: a tool reads it from the built assembly's metadata, without loading or
    /// running the assembly, and the runtime parses it (tests hold it equal to the tables' own descriptions).
    /// </summary>
    private static void WriteModelSnapshot(SourceWriter writer, EquatableArray<EntityModel> orderedEntities)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The schema this database's model describes, one line per table, column, key, index, foreign key and check: what");
        writer.Line("/// <c>dotnet microorm migrations add</c> compares with <c>Migrations/" + "&lt;ClassName&gt;/model.snapshot</c> to write the next migration.");
        writer.Line("/// </summary>");
        writer.Line($"[{KnownNames.EditorBrowsable}({KnownNames.EditorBrowsableState}.Never)]");
        writer.Line("public const string ModelSnapshot =");
        writer.Indent();
        var lines = ModelSnapshotWriter.Write(orderedEntities).Split('\n');
        // The text ends with a line break, so the last piece is empty and closes the expression.
        for (var i = 0; i < lines.Length - 1; i++) writer.Line(Literals.String(lines[i] + "\n") + " +");
        writer.Line("\"\";");
        writer.Outdent();
    }

    private static void WriteReadOnlyView(SourceWriter writer, DatabaseModel database, EquatableArray<EntityModel> orderedEntities)
    {
        writer.Line($"/// <summary>The read-only view of <see cref=\"{database.Name}\"/>: each table with finds and queries only, and transactions run as READ ONLY.</summary>");
        writer.Open($"public sealed class ReadOnlyView : {KnownNames.ReadOnlyDatabase}");
        writer.Line(Literals.GeneratedCode);
        writer.Line($"internal ReadOnlyView({database.Name} database)");
        writer.Indent().Line(": base(database)").Outdent();
        writer.Line("{").Indent();
        foreach (var entity in orderedEntities)
        {
            writer.Line($"{entity.AccessorName} = new(database.{entity.AccessorName});");
        }

        writer.Close();
        foreach (var entity in orderedEntities)
        {
            writer.Line();
            writer.Line($"/// <summary>The table <c>{entity.TableName}</c>, read-only.</summary>");
            writer.Line($"public {KnownNames.ReadOnlyTable}<{entity.FullName}, {entity.ColumnsTypeName}, {entity.KeyType}> {entity.AccessorName} {{ get; }}");
        }

        writer.Close();
    }

    /// <summary>
    /// With a <c>[TenantKey]</c> in the model: the view for one tenant (the same connections and transactions, its
    /// own tables, every filtered table limited to the tenant), made by a typed <c>ForTenant</c>, and the untyped
    /// form that dependency injection calls.
    /// </summary>
    private static void WriteTenantView(SourceWriter writer, DatabaseModel database, EquatableArray<EntityModel> entities)
    {
        var tenantKey = entities.SelectMany(e => e.Columns).FirstOrDefault(c => c.IsTenantKey);
        if (tenantKey is null) return;
        var type = tenantKey.PropertyType;
        writer.Line();
        writer.Line(Literals.GeneratedCode);
        writer.Line($"private {database.Name}({database.Name} parent, object tenant)");
        writer.Indent().Line(": base(parent, tenant)").Outdent();
        writer.Line("{").Indent();
        foreach (var entity in entities) writer.Line($"{entity.AccessorName} = new(this);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// This database for one tenant: every query, include, join, count and write of an entity with a <c>[TenantKey]</c>");
        writer.Line("/// reaches only <paramref name=\"tenant\"/>'s rows, and inserts are given its key. The view shares this object's");
        writer.Line("/// connections and transactions; disposing it releases nothing.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"tenant\">The tenant's key.</param>");
        writer.Line($"public {database.Name} ForTenant({type} tenant) => new(this, tenant);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override {KnownNames.DatabaseContext} ForTenantObject(object tenant) =>");
        writer.Indent().Line($"tenant is {type.TrimEnd('?')} value ? ForTenant(value) : throw new {KnownNames.ArgumentException}($\"A tenant of {database.Name} is of type {type.Replace("global::", "")}, not {{tenant?.GetType().Name ?? \"null\"}}.\", nameof(tenant));").Outdent();
    }
}
