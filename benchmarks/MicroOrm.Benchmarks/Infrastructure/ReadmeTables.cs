using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// Turns a full run's reports into the README's table format (bash build.sh bench --table): one table per scenario,
/// each row its case (category and parameters), contender, median with Q1–Q3, ratio of medians, allocated bytes and
/// their ratio, and, when <c>cpu-per-operation.md</c> from a --cpu run is beside them, the CPU µs per operation and its
/// ratio. It reads BenchmarkDotNet's CSV reports, which hold every column unrounded by the markdown's layout.
/// </summary>
public static class ReadmeTables
{
    public static string Write(string resultsFolder)
    {
        var cpu = CpuRows(Path.Combine(resultsFolder, "cpu-per-operation.md"));
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(resultsFolder, "results"), "*-report.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).Select(Fields).ToList();
            if (lines.Count < 2) continue;
            var header = lines[0];
            string Get(List<string> row, string column) => header.IndexOf(column) is var i and >= 0 && i < row.Count ? row[i] : "";
            var scenario = Path.GetFileName(file).Replace("MicroOrm.Benchmarks.Scenarios.", "").Replace("-report.csv", "");
            var parameters = header.Where(h => h == "Count").ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{scenario}**").AppendLine();
            text.AppendLine("| case | contender | median (Q1–Q3) | median vs hand-written | allocated | allocated vs hand-written | CPU µs/op | CPU vs hand-written |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var row in lines.Skip(1))
            {
                var method = Get(row, "Method");
                var parameterText = string.Join(", ", parameters.Select(p => $"{p}={Get(row, p)}"));
                var category = Get(row, "Categories");
                var label = string.Join(" ", new[] { parameters.Count > 0 ? Get(row, parameters[0]) : "", category }.Where(s => s.Length > 0));
                cpu.TryGetValue((scenario, method, parameterText), out var c);
                var allocRatio = Get(row, "Alloc Ratio");
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {label} | {method} | {Get(row, "Median")} ({Get(row, "Q1")}–{Get(row, "Q3")}) | {Get(row, "Median Ratio")} | {Get(row, "Allocated")} | {Plain(allocRatio)} | {c.Cpu ?? ""} | {c.Ratio ?? ""} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>BenchmarkDotNet's trend-style ratio ("1.12x less", "2.56x more", empty for the baseline) as a plain one.</summary>
    private static string Plain(string ratio)
    {
        var parts = ratio.Split('x', 2);
        if (ratio.Length == 0) return "1.00";
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return ratio;
        var plain = parts.Length > 1 && (parts[1].Contains("less", StringComparison.Ordinal) || parts[1].Contains("faster", StringComparison.Ordinal)) ? 1 / value : value;
        return plain.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>The --cpu table's rows by scenario, method and parameters: CPU µs/op and its ratio.</summary>
    private static Dictionary<(string, string, string), (string? Cpu, string? Ratio)> CpuRows(string path)
    {
        var rows = new Dictionary<(string, string, string), (string?, string?)>();
        if (!File.Exists(path)) return rows;
        foreach (var line in File.ReadLines(path).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Scenario", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length >= 7) rows[(cells[0], cells[1], cells[3])] = (cells[4], cells[6]);
        }

        return rows;
    }

    /// <summary>One line of BenchmarkDotNet's CSV: comma-separated, fields with commas in double quotes.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
