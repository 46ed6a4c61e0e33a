using System;
using System.IO;

namespace MicroOrm.Testing;

/// <summary>
/// Finds files of the repository from a test. <c>[CallerFilePath]</c> alone is not enough: a CI build
/// (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/…</c>, so the compiled-in path names no real file.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding <c>MicroOrm.sln</c>, found upwards from the test assembly.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The real folder of a source file whose path the compiler recorded, mapped or not.</summary>
    public static string FolderOf(string sourceFile)
    {
        if (File.Exists(sourceFile)) return Path.GetDirectoryName(sourceFile)!;

        // A mapped path keeps the repository-relative tail: try each tail until one names a file in the repository.
        var parts = sourceFile.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 0; skip < parts.Length; skip++)
        {
            var candidate = Path.Combine(Root, string.Join(Path.DirectorySeparatorChar, parts[skip..]));
            if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
        }

        throw new FileNotFoundException($"The source file {sourceFile} is not in the repository at {Root}.");
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MicroOrm.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException($"No MicroOrm.sln above {AppContext.BaseDirectory}.");
    }
}
