using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Emitting;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Compares a database's model with the snapshot its last migration wrote, so that a model changed without a
/// migration is a build warning (MORM0037) instead of a database that silently stops matching the code.
/// </summary>
internal static class ModelSnapshotCheck
{
    public const string FileName = "model.snapshot";

    /// <summary>How many differences the warning names; the rest are counted.</summary>
    private const int Named = 3;

    /// <summary>The file as a database's snapshot (<c>Migrations/&lt;Db&gt;/model.snapshot</c>), or <see langword="null"/>.</summary>
    public static SnapshotFileModel? Read(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var path = file.Path.Replace('\\', '/');
        if (!string.Equals(Path.GetFileName(path), FileName, System.StringComparison.Ordinal)) return null;
        var folder = Path.GetDirectoryName(path) ?? "";
        if (Path.GetFileName(Path.GetDirectoryName(folder) ?? "") != "Migrations") return null;
        return new SnapshotFileModel(Path.GetFileName(folder), file.GetText(cancellationToken)?.ToString() ?? "", path);
    }

    /// <summary>MORM0037 at the database class when its snapshot describes another schema than its model.</summary>
    public static EquatableArray<DiagnosticInfo> Check(DatabaseModel database, LocationInfo? location, EquatableArray<EntityModel> entities, EquatableArray<SnapshotFileModel> snapshots)
    {
        var snapshot = snapshots.FirstOrDefault(s => s.Database == database.Name);
        if (snapshot is null) return EquatableArray<DiagnosticInfo>.Empty;
        var model = Entries(ModelSnapshotWriter.Write(entities));
        var recorded = Entries(snapshot.Text);
        var differences = model.Where(e => !recorded.Contains(e)).Select(e => Describe(e, "is in the model, not in the snapshot"))
            .Concat(recorded.Where(e => !model.Contains(e)).Select(e => Describe(e, "is in the snapshot, not in the model")))
            .ToList();
        if (differences.Count == 0) return EquatableArray<DiagnosticInfo>.Empty;
        var named = string.Join("; ", differences.Take(Named));
        if (differences.Count > Named) named += $"; and {differences.Count - Named} more";
        return new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(DiagnosticDescriptors.ModelChangedSinceSnapshot, location, database.Name, "Migrations/" + database.Name + "/" + FileName, named) });
    }

    /// <summary>Each schema line with the table it belongs to, so that the same column line of two tables differs.</summary>
    private static List<(string Table, string Line)> Entries(string text)
    {
        var entries = new List<(string, string)>();
        var table = "";
        foreach (var line in ModelSnapshotWriter.SchemaLines(text))
        {
            if (line.StartsWith("table ", System.StringComparison.Ordinal)) table = line.Substring("table ".Length);
            entries.Add((table, line.Trim()));
        }

        return entries;
    }

    private static string Describe((string Table, string Line) entry, string where) =>
        entry.Line.StartsWith("table ", System.StringComparison.Ordinal) ? $"{entry.Line} {where}" : $"{entry.Line} of table {entry.Table} {where}";
}
