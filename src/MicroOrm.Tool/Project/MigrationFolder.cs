using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MicroOrm.Tool.Project;

/// <summary>
/// A database's migrations folder, <c>Migrations/&lt;DatabaseClass&gt;/</c> beside the models: the reviewed
/// <c>NNNN_Name.sql</c> files the generator embeds, and <c>model.snapshot</c>, the model the last one leads to.
/// </summary>
internal sealed partial class MigrationFolder
{
    public const string SnapshotFileName = "model.snapshot";
    private const string DialectLine = "-- dialect: ";

    public MigrationFolder(string path, string database)
    {
        Path = System.IO.Path.GetFullPath(path);
        Database = database;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The database class whose migrations these are.</summary>
    public string Database { get; }

    public string SnapshotPath => System.IO.Path.Combine(Path, SnapshotFileName);

    /// <summary>
    /// The folder of <paramref name="database"/> under <paramref name="projectFolder"/>, or <paramref name="explicitPath"/>;
    /// with no database named, the only folder under <c>Migrations/</c>.
    /// </summary>
    public static MigrationFolder For(string projectFolder, string? database, string? explicitPath)
    {
        if (database is null)
        {
            var root = System.IO.Path.Combine(projectFolder, "Migrations");
            var folders = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
            database = folders.Length switch
            {
                1 => System.IO.Path.GetFileName(folders[0]),
                0 => throw new ToolException($"No migrations folder under {root}: add a migration first (dotnet microorm migrations add <Name>)."),
                _ => throw new ToolException($"{folders.Length} migrations folders under {root} ({string.Join(", ", folders.Select(System.IO.Path.GetFileName))}): name the database with --database."),
            };
        }

        return new MigrationFolder(explicitPath ?? System.IO.Path.Combine(projectFolder, "Migrations", database), database);
    }

    /// <summary>The migrations of the folder in version order, each read from its file; a .sql file named otherwise is reported on <paramref name="warnings"/>.</summary>
    public List<Migration> ReadMigrations(TextWriter warnings)
    {
        var migrations = new List<Migration>();
        if (!Directory.Exists(Path)) return migrations;
        foreach (var file in Directory.GetFiles(Path, "*.sql").Order(StringComparer.Ordinal))
        {
            var match = FileName().Match(System.IO.Path.GetFileName(file));
            if (!match.Success)
            {
                warnings.WriteLine($"warning: {System.IO.Path.GetFileName(file)} is not named NNNN_Name.sql, so it is not a migration (the build does not embed it either).");
                continue;
            }

            var version = long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            if (migrations.Find(m => m.Version == version) is { } same)
            {
                throw new ToolException($"{System.IO.Path.GetFileName(file)} and the migration {same} both have version {version}; give one of them a version of its own.");
            }

            try
            {
                migrations.Add(new Migration(version, match.Groups["name"].Value, File.ReadAllText(file)));
            }
            catch (FormatException error)
            {
                throw new ToolException($"{System.IO.Path.GetFileName(file)} is not a migration script: {error.Message}");
            }
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    /// <summary>The text of the snapshot, or <see langword="null"/> when the folder has none.</summary>
    public string? ReadSnapshot() => File.Exists(SnapshotPath) ? File.ReadAllText(SnapshotPath) : null;

    /// <summary>The dialect the snapshot says the folder's migrations are written for, or <see langword="null"/>.</summary>
    public static ServerDialect? DialectOf(string snapshot)
    {
        foreach (var line in snapshot.Split('\n'))
        {
            if (!line.StartsWith(DialectLine, StringComparison.Ordinal)) continue;
            return Enum.TryParse<ServerDialect>(line[DialectLine.Length..].Trim(), ignoreCase: true, out var dialect) && dialect != ServerDialect.Detect
                ? dialect
                : throw new ToolException($"{SnapshotFileName} names the dialect '{line[DialectLine.Length..].Trim()}', which is not one of MariaDb, MySql80, MySql84, MySql9.");
        }

        return null;
    }

    /// <summary>Writes the migration file and the snapshot of the model it leads to; returns the migration file's path.</summary>
    public string Write(long version, string name, string script, string modelWithoutHints, ServerDialect dialect)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture, $"{version:0000}_{name}.sql"));
        File.WriteAllText(file, script);
        var snapshot =
            $"-- MicroOrm model snapshot of {Database}: the schema migration {version} ({name}) leads to.\n" +
            $"{DialectLine}{dialect}\n" +
            "-- Written by dotnet microorm migrations add; the build warns (MORM0037) when the model no longer matches it.\n" +
            modelWithoutHints;
        File.WriteAllText(SnapshotPath, snapshot);
        return file;
    }

    /// <summary>The generator's rule for a migration file's name (MigrationFileParser): the version, an underscore, the name.</summary>
    [GeneratedRegex(@"^(?<version>\d{1,18})_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    /// <summary>Whether <paramref name="name"/> can be a migration's name.</summary>
    public static bool IsValidName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
