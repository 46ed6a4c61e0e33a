using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Reads the migration files the project gives the compiler as additional files: <c>Migrations/AppDb/0001_Initial.sql</c>
/// belongs to the <c>[Database]</c> class <c>AppDb</c>, has version 1 and name Initial. Other additional files are not
/// migrations.
/// </summary>
internal static class MigrationFileParser
{
    private static readonly Regex FileName = new(@"^(?<version>\d{1,18})_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant);

    /// <summary>The file as a migration; a diagnostic when it is a .sql file of a migrations folder with a name not understood; neither for other files.</summary>
    public static (MigrationFileModel? Model, DiagnosticInfo? Diagnostic) Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var path = file.Path.Replace('\\', '/');
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        var parent = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path) ?? "") ?? "");
        if (parent != "Migrations" || folder.Length == 0 || !path.EndsWith(".sql", System.StringComparison.OrdinalIgnoreCase)) return (null, null);
        var match = FileName.Match(Path.GetFileName(path));
        if (!match.Success) return (null, DiagnosticInfo.Create(DiagnosticDescriptors.UnreadMigrationFile, At(path), path));
        var text = file.GetText(cancellationToken)?.ToString() ?? "";
        return (new MigrationFileModel(folder, long.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, text, path), null);
    }

    /// <summary>Two files of one database folder with the same version.</summary>
    public static EquatableArray<DiagnosticInfo> Duplicates(EquatableArray<MigrationFileModel> files)
    {
        var found = new List<DiagnosticInfo>();
        for (var i = 1; i < files.Count; i++)
        {
            var (previous, file) = (files[i - 1], files[i]);
            if (previous.Database != file.Database || previous.Version != file.Version) continue;
            found.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateMigrationVersion, At(file.Path), Path.GetFileName(previous.Path), Path.GetFileName(file.Path), file.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Database));
        }

        return found.ToEquatableArray();
    }

    /// <summary>The start of the file: an additional file has no syntax to point into.</summary>
    private static LocationInfo At(string path) => new(path, default, default);
}
