using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MicroOrm.Testing;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// Every SQL word MicroOrm sends is written in the runtime's SqlBuilding folder (the statement and dialect writers) or
/// in the generator's statement emitter (the constants of each entity), and nowhere else: a new statement written in
/// another folder would be one the dialects cannot see. Comments are not code; string literals are what is checked.
/// </summary>
public sealed partial class SqlPlacementTests
{
    [Fact]
    public void No_sql_keyword_is_written_outside_the_sql_writers()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "MicroOrm"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "generators", "MicroOrm.Generators"), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path) && !IsWriter(path))
            .ToList();

        var found = new List<string>();
        foreach (var path in files)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match literal in StringLiteral().Matches(CodeOf(lines[i])))
                {
                    if (Keyword().IsMatch(literal.Value)) found.Add($"{Path.GetRelativePath(RepositoryPaths.Root, path)}:{i + 1}: {literal.Value}");
                }
            }
        }

        Assert.True(files.Count > 100, $"Only {files.Count} source files were read; the folders moved?");
        Assert.Empty(found);
    }

    /// <summary>The line without its comment; a whole-line comment (including XML documentation) is no code at all.</summary>
    private static string CodeOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal)) return "";
        var comment = line.IndexOf(" // ", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    private static bool IsWriter(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Contains("/src/MicroOrm/SqlBuilding/", StringComparison.Ordinal)
            || normalized.EndsWith("/Emitting/StatementEmitter.cs", StringComparison.Ordinal)
            // The model snapshot spells types and ON DELETE rules as SQL does; the runtime reads it into the shapes DDL is written from.
            || normalized.EndsWith("/Emitting/ModelSnapshotWriter.cs", StringComparison.Ordinal)
            // The generator's diagnostics quote the attribute a user wrote ("ON DELETE SET NULL"); they send nothing.
            || normalized.EndsWith("/Diagnostics/DiagnosticDescriptors.cs", StringComparison.Ordinal);
    }

    private static bool IsBuildOutput(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Contains("/obj/", StringComparison.Ordinal) || normalized.Contains("/bin/", StringComparison.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|JOIN|WHERE|FROM|SET|VALUES|RETURNING|LIMIT|ORDER BY|GROUP BY|HAVING|CREATE|ALTER|DROP|KILL|SHOW|COMMIT|ROLLBACK|SAVEPOINT|START TRANSACTION)\b")]
    private static partial Regex Keyword();
}
