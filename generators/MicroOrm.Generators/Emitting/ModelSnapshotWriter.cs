using System.Collections.Generic;
using System.Linq;
using System.Text;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// The schema a database's model describes, as text: one line per table, column, key, index, foreign key and check,
/// in no dialect (no collation; every <c>[Range]</c> check, which a dialect may leave out). It is emitted as the
/// database class's <c>ModelSnapshot</c> constant, which <c>dotnet microorm migrations add</c> reads from the built
/// assembly without running it, and checked in as <c>Migrations/&lt;Db&gt;/model.snapshot</c>, the model the last
/// migration leads to; the build compares the two. The runtime reads it back (<c>MicroOrm.Schema.ModelSnapshot</c>).
/// Names are quoted with backticks, which no valid name contains (MORM0012).
/// </summary>
/// <example>
/// <code>
/// table `cities`
///   column `id` INT NOT NULL AUTO_INCREMENT
///   column `state_id` INT NOT NULL
///   primary key (`id`)
///   index `ix_cities_state_id` (`state_id`)
///   foreign key `fk_cities_state_id` (`state_id`) references `states` (`id`) on delete CASCADE
/// </code>
/// </example>
internal static class ModelSnapshotWriter
{
    /// <summary>What a rename hint adds at the end of a table or column line; a snapshot file leaves it out.</summary>
    public const string HintMarker = " was `";

    public static string Write(IEnumerable<EntityModel> orderedEntities)
    {
        var text = new StringBuilder();
        foreach (var entity in orderedEntities)
        {
            text.Append("table ").Append(Quote(entity.TableName)).Append(Hint(entity.Was)).Append('\n');
            foreach (var column in entity.Columns)
            {
                text.Append("  column ").Append(Quote(column.ColumnName)).Append(' ').Append(column.SqlType)
                    .Append(column.IsNullableInDatabase ? " NULL" : " NOT NULL")
                    .Append(column.IsAutoIncrement ? " AUTO_INCREMENT" : "")
                    .Append(Hint(column.Was)).Append('\n');
            }

            text.Append("  primary key (").Append(QuotedList(StatementColumns.Keys(entity).Select(c => c.ColumnName))).Append(")\n");
            foreach (var index in entity.Indexes)
            {
                text.Append(index.IsUnique ? "  unique " : "  index ").Append(Quote(index.Name)).Append(" (").Append(QuotedList(index.Columns)).Append(")\n");
            }

            foreach (var column in entity.Columns.Where(c => c.ForeignKey is not null))
            {
                var foreignKey = column.ForeignKey!;
                text.Append("  foreign key ").Append(Quote(foreignKey.ConstraintName)).Append(" (").Append(Quote(column.ColumnName)).Append(") references ")
                    .Append(Quote(foreignKey.PrincipalTable)).Append(" (").Append(Quote(foreignKey.PrincipalColumn)).Append(") on delete ").Append(Action(foreignKey.OnDelete)).Append('\n');
            }

            foreach (var column in entity.Columns)
            {
                if (column.Validation?.Range is not { } range) continue;
                text.Append("  check ").Append(Quote(range.ConstraintName)).Append(" (").Append(Quote(column.ColumnName)).Append(") between ")
                    .Append(range.MinimumText).Append(" and ").Append(range.MaximumText).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The lines that describe the schema, without rename hints, comments or blank lines: what a snapshot file and the model are compared by.</summary>
    public static List<string> SchemaLines(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith("--", System.StringComparison.Ordinal)) continue;
            var hint = line.LastIndexOf(HintMarker, System.StringComparison.Ordinal);
            if (hint > 0 && line.EndsWith("`", System.StringComparison.Ordinal)) line = line.Substring(0, hint);
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>An ON DELETE rule as SQL spells it, from the <c>ReferentialAction</c> member's name.</summary>
    private static string Action(string onDelete) => onDelete switch
    {
        "Cascade" => "CASCADE",
        "SetNull" => "SET NULL",
        "NoAction" => "NO ACTION",
        _ => "RESTRICT",
    };

    private static string Hint(string? was) => was is null ? "" : HintMarker + was + "`";

    private static string Quote(string name) => "`" + name + "`";

    private static string QuotedList(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));
}
