using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace MicroOrm.Testing;

/// <summary>
/// Golden files beside the tests (<c>Snapshots/</c>), reviewed like code. A test fails when the generated text differs
/// from its golden file; run with <c>MICROORM_ACCEPT_SNAPSHOTS=1</c> to write the new text as the golden file. A golden
/// file no test produces any more fails too (<see cref="AssertNoOrphans"/>), or is deleted when accepting. Accepting is
/// refused when <c>CI=true</c>: CI checks the reviewed files, it never rewrites them.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MICROORM_ACCEPT_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string testFile = "") =>
        MatchFile(Path.Combine(RepositoryPaths.FolderOf(testFile), "Snapshots", name), actual);

    /// <summary>Like <see cref="Match"/>, for a checked-in file that is not in a Snapshots folder (a migration file the generator embeds).</summary>
    public static void MatchFile(string path, string actual)
    {
        var folder = Path.GetDirectoryName(path)!;
        var name = Path.GetFileName(path);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Accepting())
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run the tests with {AcceptVariable}=1 to create it, then review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            File.WriteAllText(path + ".received", actual);
            Assert.Fail($"{name} differs from its golden file. The new text is in {path}.received; if it is right, run with {AcceptVariable}=1 to accept it.\n" + FirstDifference(expected, actual));
        }
    }

    /// <summary>
    /// Fails when the Snapshots folder holds a golden file starting with <paramref name="prefix"/> that is not in
    /// <paramref name="produced"/>: a file no test checks any more would otherwise be reviewed as if it still said
    /// something. When accepting, such files are deleted instead.
    /// </summary>
    public static void AssertNoOrphans(string prefix, IEnumerable<string> produced, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(RepositoryPaths.FolderOf(testFile), "Snapshots");
        var expected = new HashSet<string>(produced, StringComparer.Ordinal);
        var orphans = Directory.Exists(folder)
            ? Directory.GetFiles(folder, prefix + "*.verified.*").Select(Path.GetFileName).Where(name => !expected.Contains(name!)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (orphans.Count == 0) return;
        if (Accepting())
        {
            foreach (var orphan in orphans) File.Delete(Path.Combine(folder, orphan!));
            return;
        }

        Assert.Fail($"{orphans.Count} golden files in {folder} are produced by no test: {string.Join(", ", orphans)}. Delete them, or run with {AcceptVariable}=1 to delete them.");
    }

    /// <summary>Whether to write golden files; refused on CI, where a rewritten golden file would pass unreviewed.</summary>
    private static bool Accepting()
    {
        if (Environment.GetEnvironmentVariable(AcceptVariable) != "1") return false;
        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"{AcceptVariable}=1 is refused when CI=true: golden files are accepted on a developer's machine and reviewed, never rewritten by CI.");
        return true;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a) return $"first difference at line {i + 1}:\n  expected: {e}\n  actual:   {a}";
        }

        return "";
    }
}
