using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Testing;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Package.Tests;

/// <summary>
/// The package as CI makes it: <c>bash build.sh pack</c> into a folder of its own, with a version no NuGet cache has
/// seen (so nothing restored earlier can stand in for it); a consumer project written under a temporary folder, far
/// from the repository's props and targets, with its own nuget.config; and a server with a database for it.
/// </summary>
public sealed class PackedMicroOrm : IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private IDatabaseServer? _server;

    public PackedMicroOrm()
    {
        Feed = Folder("microorm-feed-");
        Consumer = Folder("microorm-consumer-");
    }

    public string Feed { get; }

    public string Consumer { get; }

    public string Version { get; } = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    /// <summary>The commit the package was built from: the repository's HEAD.</summary>
    public string Commit { get; private set; } = "";

    public string Package => Path.Combine(Feed, $"MicroOrm.{Version}.nupkg");

    public string Symbols => Path.Combine(Feed, $"MicroOrm.{Version}.snupkg");

    public string ToolPackage => Path.Combine(Feed, $"MicroOrm.Tool.{Version}.nupkg");

    /// <summary>The consumer's database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var pack = await Run.ProgramAsync("bash", [Path.Combine(RepositoryPaths.Root, "build.sh"), "pack", "--output", Feed, "--version", Version], RepositoryPaths.Root, TimeSpan.FromMinutes(10));
        Assert.True(pack.ExitCode == 0, "bash build.sh pack failed:\n" + pack.Output + pack.Errors);
        Commit = (await Run.ProgramAsync("git", ["rev-parse", "HEAD"], RepositoryPaths.Root, TimeSpan.FromMinutes(1))).Output.Trim();

        WriteConsumer(Consumer);
        _server = await ServerLocator.AcquireAsync();
        ConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>Another copy of the consumer, in a temporary folder of its own (a test that adds files to it).</summary>
    public string NewConsumer()
    {
        var folder = Folder("microorm-consumer-");
        WriteConsumer(folder);
        return folder;
    }

    /// <summary>An empty database of its own on the server, as a connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var database = "consumer_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new MySqlConnection(_server!.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE `{database}`", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new MySqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;
    }

    private void WriteConsumer(string folder)
    {
        var templates = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(Path.Combine(folder, "Shop.Consumer.csproj"), File.ReadAllText(Path.Combine(templates, "Shop.Consumer.csproj.template")).Replace("$(MicroOrmVersion)", Version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "nuget.config"), File.ReadAllText(Path.Combine(templates, "nuget.config.template")).Replace("$(Feed)", Feed, StringComparison.Ordinal));
        File.Copy(Path.Combine(templates, "Program.cs"), Path.Combine(folder, "Program.cs"));
    }

    private string Folder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Empties the consumer's tables, so that each run of the program starts from nothing.</summary>
    public async Task ResetDatabaseAsync()
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand("DROP TABLE IF EXISTS products", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file: the temporary folder is the machine's to clean.
            }
        }
    }
}

/// <summary>Runs a program to its end and keeps what it printed.</summary>
internal static class Run
{
    public static async Task<(int ExitCode, string Output, string Errors)> ProgramAsync(string program, string[] arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The consumer is a stranger to this test run: no server, no MSBuild settings from the environment.
        start.Environment.Remove(ServerLocator.EnvironmentVariable);
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
