using System;
using System.Diagnostics;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm.Tool.Project;

/// <summary>
/// The project a command works on: its file, its folder (where <c>Migrations/</c> is), and its built assembly, which
/// the tool asks MSBuild for and builds with the SDK that runs the tool, as <c>dotnet ef</c> does.
/// </summary>
internal sealed class TargetProject
{
    /// <summary>The generator's warning that the model changed since the last migration's snapshot.</summary>
    private const string ModelChanged = "MORM0037";

    private TargetProject(string file) => File = file;

    /// <summary>The project file.</summary>
    public string File { get; }

    /// <summary>The project's folder.</summary>
    public string Folder => Path.GetDirectoryName(File)!;

    /// <summary>
    /// The project at <paramref name="path"/>: a project file, or a folder with exactly one; the current folder when
    /// <paramref name="path"/> is null.
    /// </summary>
    public static TargetProject Find(string? path)
    {
        var full = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        if (System.IO.File.Exists(full)) return new TargetProject(full);
        if (!Directory.Exists(full)) throw new ToolException($"No project or folder at {full}.");
        var projects = Directory.GetFiles(full, "*.csproj");
        return projects.Length switch
        {
            1 => new TargetProject(projects[0]),
            0 => throw new ToolException($"No project file (*.csproj) in {full}: name one with --project."),
            _ => throw new ToolException($"{projects.Length} project files in {full} ({string.Join(", ", projects.Select(Path.GetFileName))}): name one with --project."),
        };
    }

    /// <summary>
    /// Builds the project (unless told not to) and returns the path of its assembly. The build keeps MORM0037 (the
    /// model changed since the last migration) a warning even where warnings are errors: that change is exactly what
    /// the tool is run to turn into a migration, so it must not stop the build the tool reads the model from.
    /// </summary>
    public async Task<string> BuildAsync(string configuration, bool build, CancellationToken cancellationToken)
    {
        var (code, json) = await DotnetAsync(cancellationToken, "msbuild", File, "-getProperty:TargetPath", "-getProperty:WarningsNotAsErrors", "-p:Configuration=" + configuration, "-nologo").ConfigureAwait(false);
        string path, notAsErrors;
        try
        {
            var properties = JsonDocument.Parse(json).RootElement.GetProperty("Properties");
            path = properties.GetProperty("TargetPath").GetString() ?? "";
            notAsErrors = properties.GetProperty("WarningsNotAsErrors").GetString() ?? "";
        }
        catch (Exception failure) when (code != 0 || failure is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ToolException($"MSBuild could not read {Path.GetFileName(File)} (exit code {code}):\n{json.Trim()}");
        }

        if (build)
        {
            var kept = string.Join(",", notAsErrors.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(ModelChanged));
            var (status, output) = await DotnetAsync(cancellationToken, "build", File, "-c", configuration, "-nologo", "-v", "q", "-p:WarningsNotAsErrors=" + kept).ConfigureAwait(false);
            if (status != 0) throw new ToolException($"The build of {Path.GetFileName(File)} failed (dotnet build exited with {status}):\n{output.Trim()}");
        }

        if (path.Length == 0 || !System.IO.File.Exists(path)) throw new ToolException($"The assembly {path} does not exist: build the project first, or leave out --no-build.");
        return path;
    }

    /// <summary>Runs the SDK's dotnet (the one running this tool when it says so) and returns its exit code and output.</summary>
    private static async Task<(int Status, string Output)> DotnetAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new ToolException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }
}
