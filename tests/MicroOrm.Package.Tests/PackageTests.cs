using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Package.Tests;

/// <summary>
/// The package from outside: what it holds (the runtime, the generator where the compiler looks for analyzers, the
/// readme and the metadata), where its symbols send a debugger, and a project that knows nothing of the repository
/// building, running and publishing natively from it alone. Without the generator in the package the consumer does not
/// compile; with anything it needs missing from the package, it does not restore or build.
/// </summary>
public sealed class PackageTests(PackedMicroOrm packed, ITestOutputHelper output) : IClassFixture<PackedMicroOrm>
{
    private static readonly TimeSpan Build = TimeSpan.FromMinutes(10);

    [Fact]
    public void The_package_brings_the_runtime_the_generator_the_readme_and_its_metadata()
    {
        using var package = ZipFile.OpenRead(packed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/MicroOrm.dll", entries);
        Assert.Contains("lib/net10.0/MicroOrm.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/MicroOrm.Generators.dll", entries);
        Assert.Contains("README.md", entries);

        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        using var nuspec = package.GetEntry("MicroOrm.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Element(ns + "metadata")!;
        Assert.Equal(packed.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal(("git", "https://github.com/microorm/microorm", packed.Commit), (repository.Attribute("type")!.Value, repository.Attribute("url")!.Value, repository.Attribute("commit")!.Value));
        Assert.StartsWith("### Added", metadata.Element(ns + "releaseNotes")!.Value, StringComparison.Ordinal);
        var dependencies = metadata.Element(ns + "dependencies")!.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Contains("MySqlConnector", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || d.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
        output.WriteLine($"summary: packed MicroOrm {packed.Version} at {packed.Commit[..7]}: runtime, generator (analyzers/dotnet/cs), readme, license, repository, release notes; depends on {string.Join(", ", dependencies)}");
    }

    [Fact]
    public void The_symbol_package_sends_a_debugger_stepping_into_ToListAsync_to_the_repository_at_the_packed_commit()
    {
        using var symbols = ZipFile.OpenRead(packed.Symbols);
        using var package = ZipFile.OpenRead(packed.Package);
        using var pdbStream = Copy(symbols.GetEntry("lib/net10.0/MicroOrm.pdb")!);
        using var dllStream = Copy(package.GetEntry("lib/net10.0/MicroOrm.dll")!);
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        using var pe = new PEReader(dllStream);
        var pdb = pdbProvider.GetMetadataReader();
        var dll = pe.GetMetadataReader();

        // The SourceLink map: every source under the build's deterministic root is at the packed commit on GitHub.
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        var blob = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition).Select(pdb.GetCustomDebugInformation).Single(c => pdb.GetGuid(c.Kind) == sourceLinkKind).Value;
        using var json = JsonDocument.Parse(pdb.GetBlobBytes(blob));
        var documents = json.RootElement.GetProperty("documents");
        var root = documents.EnumerateObject().Single(p => p.Name.StartsWith("/_/", StringComparison.Ordinal));
        Assert.Equal(("/_/*", $"https://raw.githubusercontent.com/microorm/microorm/{packed.Commit}/*"), (root.Name, root.Value.GetString()));

        // ToListAsync's own lines are in a document of that root, so a debugger fetches Query.Running.cs from there.
        var method = dll.MethodDefinitions.Select(dll.GetMethodDefinition)
            .Single(m => dll.GetString(m.Name) == "ToListAsync" && dll.GetString(dll.GetTypeDefinition(m.GetDeclaringType()).Name) == "Query`2");
        var handle = dll.MethodDefinitions.Single(h => dll.GetMethodDefinition(h).Equals(method));
        var debug = pdb.GetMethodDebugInformation(MetadataTokens.MethodDebugInformationHandle(MetadataTokens.GetRowNumber(handle)));
        var document = pdb.GetString(pdb.GetDocument(debug.Document).Name);
        Assert.Equal("/_/src/MicroOrm/Querying/Query.Running.cs", document);
        var url = root.Value.GetString()!.Replace("*", document["/_/".Length..], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Testing.RepositoryPaths.Root, "src", "MicroOrm", "Querying", "Query.Running.cs")));
        output.WriteLine($"summary: stepping into ToListAsync opens {url}");
    }

    [Fact]
    public async Task A_project_outside_the_repository_builds_with_no_warning_and_runs_a_query_from_the_package_alone()
    {
        await packed.ResetDatabaseAsync();

        var build = await Dotnet("build", "-c", "Release");
        var run = await Run.ProgramAsync("dotnet", [Path.Combine(packed.Consumer, "bin", "Release", "net10.0", "Shop.Consumer.dll"), packed.ConnectionString], packed.Consumer, TimeSpan.FromMinutes(2));

        Assert.True(build.ExitCode == 0, build.Output + build.Errors);
        Assert.Empty(Warnings(build.Output));
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Equal("cheap: apple 0.40, bread 2.50\n", run.Output);
        output.WriteLine($"summary: a consumer outside the repository restored MicroOrm {packed.Version} from the packed folder, built with 0 warnings and ran: {run.Output.Trim()}");
    }

    [Fact]
    public async Task The_consumer_publishes_with_NativeAOT_with_no_warning_and_the_native_program_runs()
    {
        await packed.ResetDatabaseAsync();
        var folder = Path.Combine(packed.Consumer, "native");

        var publish = await Dotnet("publish", "-c", "Release", "-r", "linux-x64", "-o", folder);
        var run = await Run.ProgramAsync(Path.Combine(folder, "Shop.Consumer"), [packed.ConnectionString], packed.Consumer, TimeSpan.FromMinutes(2));

        Assert.True(publish.ExitCode == 0, publish.Output + publish.Errors);
        Assert.Empty(Warnings(publish.Output));
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Equal("cheap: apple 0.40, bread 2.50\n", run.Output);
        var size = new FileInfo(Path.Combine(folder, "Shop.Consumer")).Length;
        output.WriteLine($"summary: the consumer published with NativeAOT (0 warnings, {size / 1024.0 / 1024.0:0.0} MB) and the native program ran: {run.Output.Trim()}");
    }

    [Fact]
    public async Task The_tool_package_installs_as_dotnet_microorm_and_adds_applies_and_checks_the_consumer_s_first_migration()
    {
        var folder = packed.NewConsumer();
        var connection = await packed.CreateDatabaseAsync();

        // As the README says: a local tool manifest, and the tool from the packed folder (the consumer's nuget.config).
        var manifest = await DotnetIn(folder, "new", "tool-manifest");
        var install = await DotnetIn(folder, "tool", "install", "MicroOrm.Tool", "--version", packed.Version);
        var add = await DotnetIn(folder, "microorm", "migrations", "add", "Initial");
        var update = await DotnetIn(folder, "microorm", "database", "update", "--connection", connection);
        var check = await DotnetIn(folder, "microorm", "database", "check", "--connection", connection);
        await using (var server = new MySqlConnection(connection))
        {
            await server.OpenAsync(TestContext.Current.CancellationToken);
            await using var alter = new MySqlCommand("ALTER TABLE products ADD COLUMN extra INT NULL", server);
            await alter.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var drifted = await DotnetIn(folder, "microorm", "database", "check", "--connection", connection);
        var build = await DotnetIn(folder, "build", "-c", "Release");

        foreach (var step in new[] { manifest, install, add, update, check }) Assert.True(step.ExitCode == 0, step.Output + step.Errors);
        Assert.Contains("Wrote Migrations/ShopDb/0001_Initial.sql", add.Output);
        Assert.Contains("CREATE TABLE IF NOT EXISTS `products`", File.ReadAllText(Path.Combine(folder, "Migrations", "ShopDb", "0001_Initial.sql")));
        Assert.Contains("Applied 0001 Initial (1 step(s)).", update.Output);
        Assert.Contains("No drift", check.Output);
        Assert.True(drifted.ExitCode == 1, drifted.Output + drifted.Errors);
        Assert.Contains("`extra`", drifted.Output);
        // The migration embedded, its snapshot equal to the model: the build has nothing to warn about (MORM0037).
        Assert.True(build.ExitCode == 0, build.Output + build.Errors);
        Assert.Empty(Warnings(build.Output));
        output.WriteLine($"summary: MicroOrm.Tool {packed.Version} installed from the packed folder as dotnet microorm: migrations add wrote 0001_Initial.sql, database update applied it, database check found no drift, then exit 1 on a column added by hand: {drifted.Output.Split('\n')[1].Trim()}");
    }

    private static Task<(int ExitCode, string Output, string Errors)> DotnetIn(string folder, params string[] arguments) =>
        Run.ProgramAsync("dotnet", arguments, folder, Build);

    private Task<(int ExitCode, string Output, string Errors)> Dotnet(params string[] arguments) =>
        Run.ProgramAsync("dotnet", [.. arguments, "--disable-build-servers", "-nologo"], packed.Consumer, Build);

    /// <summary>The warnings a build printed (its summary line, "0 Warning(s)", is not one).</summary>
    private static string[] Warnings(string buildOutput) =>
        buildOutput.Split('\n').Where(l => l.Contains(" warning ", StringComparison.OrdinalIgnoreCase) || l.Contains(": warning", StringComparison.OrdinalIgnoreCase)).ToArray();

    private static MemoryStream Copy(ZipArchiveEntry entry)
    {
        var memory = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }
}
