using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using MicroOrm.Schema;

namespace MicroOrm;

/// <summary>
/// One migration: its version (the number that orders it), its name, and its script, the reviewed file's text. Its
/// checksum is recorded when it is applied, and a later run refuses an applied migration whose text has changed.
/// </summary>
public sealed class Migration
{
    /// <summary>A migration from its file's text; the steps are read (and checked) here.</summary>
    /// <exception cref="FormatException">The script has a statement outside a step, or a step without a statement.</exception>
    public Migration(long version, string name, string script)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(script);
        if (version <= 0) throw new ArgumentOutOfRangeException(nameof(version), version, "A migration's version is a positive number.");
        Version = version;
        Name = name;
        Script = script;
        Steps = MigrationScript.Parse(script);
        // Line endings do not count: a checkout on Windows must not look like an edited file.
        Checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script.Replace("\r\n", "\n", StringComparison.Ordinal))));
    }

    /// <summary>The number that orders the migrations; each is applied once, in this order.</summary>
    public long Version { get; }

    /// <summary>The name given when it was added.</summary>
    public string Name { get; }

    /// <summary>The script: the text of the file.</summary>
    public string Script { get; }

    /// <summary>The SHA-256 of the script (line endings as <c>\n</c>), in lower-case hex.</summary>
    public string Checksum { get; }

    /// <summary>The number of steps (statements) the script has.</summary>
    public int StepCount => Steps.Count;

    internal IReadOnlyList<ScriptStep> Steps { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Version} {Name}";
}
