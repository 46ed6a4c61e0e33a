using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
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

    public static MigrationFileModel? Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var path = file.Path.Replace('\\', '/');
        var match = FileName.Match(Path.GetFileName(path));
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        var parent = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path) ?? "") ?? "");
        if (!match.Success || parent != "Migrations" || folder.Length == 0) return null;
        var text = file.GetText(cancellationToken)?.ToString() ?? "";
        return new MigrationFileModel(folder, long.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, text, path);
    }
}
