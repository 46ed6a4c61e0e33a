using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace MicroOrm.Testing;

/// <summary>
/// Golden files beside the tests (<c>Snapshots/</c>), reviewed like code. A test fails when the generated text differs
/// from its golden file; run with <c>MICROORM_ACCEPT_SNAPSHOTS=1</c> to write the new text as the golden file.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MICROORM_ACCEPT_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(RepositoryPaths.FolderOf(testFile), "Snapshots");
        var path = Path.Combine(folder, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
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
