using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MicroOrm.Schema;

/// <summary>
/// A migration as a file a team reviews: a header saying what it does, then each step as a <c>-- step N:</c> line
/// with its description, its algorithm (a COPY flagged), a data-loss mark where it loses data, and its statement.
/// The same text is what the application runs: <see cref="Parse"/> reads it back, step by step.
/// </summary>
internal static class MigrationScript
{
    private const string StepMarker = "-- step ";

    public static string Write(long version, string name, MigrationPlan plan)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"-- MicroOrm migration {version}: {name}\n");
        text.Append(CultureInfo.InvariantCulture, $"-- Written for {plan.Dialect.Name}. Each step is one statement; a failed run resumes at the step that failed.\n");
        foreach (var withheld in plan.Withheld)
        {
            text.Append("-- Not written, because it loses data (ask for data-losing steps to include it): ").Append(withheld.Description).Append('\n');
        }

        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            text.Append('\n').Append(StepMarker).Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(": ").Append(step.Description).Append('\n');
            if (step.Algorithm != AlterAlgorithm.NotApplicable)
            {
                text.Append("-- algorithm: ").Append(step.Algorithm.ToString().ToUpperInvariant());
                if (step.Algorithm == AlterAlgorithm.Copy) text.Append(" (the server copies the table and blocks writes meanwhile: on a large table, plan for it)");
                text.Append('\n');
            }

            if (step.LosesData) text.Append("-- LOSES DATA\n");
            text.Append(step.Sql).Append(";\n");
        }

        return text.ToString();
    }

    /// <summary>The steps of a script: each <c>-- step N:</c> line's description and the statement that follows it, without comments or the closing semicolon.</summary>
    public static List<ScriptStep> Parse(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var steps = new List<ScriptStep>();
        string? description = null;
        var statement = new StringBuilder();
        foreach (var raw in script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith(StepMarker, StringComparison.Ordinal))
            {
                Finish(steps, description, statement);
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                description = colon < 0 ? line[StepMarker.Length..].Trim() : line[(colon + 1)..].Trim();
                continue;
            }

            if (line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Length == 0) continue;
            if (description is null) throw new FormatException($"The migration has a statement before its first '{StepMarker}N:' line: {line}");
            statement.Append(statement.Length == 0 ? "" : "\n").Append(line);
        }

        Finish(steps, description, statement);
        return steps;
    }

    private static void Finish(List<ScriptStep> steps, string? description, StringBuilder statement)
    {
        if (description is null) return;
        var sql = statement.ToString().Trim();
        if (sql.EndsWith(';')) sql = sql[..^1].TrimEnd();
        if (sql.Length == 0) throw new FormatException($"The migration step '{description}' has no statement.");
        steps.Add(new ScriptStep(description, sql));
        statement.Clear();
    }
}

/// <summary>One step of a migration file: what it does, and its statement.</summary>
internal sealed record ScriptStep(string Description, string Sql);
