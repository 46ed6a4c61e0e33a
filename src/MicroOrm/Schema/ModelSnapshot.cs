using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>
/// Reads a model snapshot: the text the generator writes as a database class's <c>ModelSnapshot</c> constant, and
/// that <c>Migrations/&lt;Db&gt;/model.snapshot</c> keeps as the model the last migration leads to. Each table line is
/// followed by its column, primary key, index, unique, foreign key and check lines; comment lines start with
/// <c>--</c>. The tables come back in no dialect (<see cref="ModelShapes.ForDialect(TableShape, SqlBuilding.SqlDialect)"/>).
/// </summary>
internal static class ModelSnapshot
{
    private const string HintMarker = " was `";

    /// <summary>The tables of <paramref name="text"/>, in its order, with their rename hints.</summary>
    /// <exception cref="FormatException">A line is not one a snapshot has; the message gives its number.</exception>
    public static List<TableShape> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tables = new List<TableShape>();
        TableShape? table = null;
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith("--", StringComparison.Ordinal)) continue;
            var reader = new LineReader(line.Trim(), number);
            if (reader.Word("table"))
            {
                var name = reader.Name();
                table = new TableShape(name, null, [], [], [], [], [], Hint(ref reader));
                reader.End();
                tables.Add(table);
                continue;
            }

            if (table is null) throw reader.Error("a table line comes first");
            if (reader.Word("column")) table.Columns.Add(Column(ref reader));
            else if (reader.Word("primary key")) table.PrimaryKey.AddRange(reader.NameList());
            else if (reader.Word("index")) table.Indexes.Add(new IndexShape(reader.Name(), false, reader.NameList()));
            else if (reader.Word("unique")) table.Indexes.Add(new IndexShape(reader.Name(), true, reader.NameList()));
            else if (reader.Word("foreign key")) table.ForeignKeys.Add(ForeignKey(ref reader));
            else if (reader.Word("check")) table.Checks.Add(Check(ref reader));
            else throw reader.Error("expected table, column, primary key, index, unique, foreign key or check");
            reader.End();
        }

        return tables;
    }

    /// <summary>The text without rename hints: what a snapshot file keeps, since a hint says how the model got here, not what it is.</summary>
    public static string WithoutHints(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            var hint = line.LastIndexOf(HintMarker, StringComparison.Ordinal);
            if (hint > 0 && line.EndsWith('`') && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)) line = line[..hint];
            result.Append(line).Append('\n');
        }

        return result.ToString().TrimEnd('\n') + "\n";
    }

    private static ColumnShape Column(ref LineReader reader)
    {
        var name = reader.Name();
        var rest = reader.Rest();
        string? was = null;
        var hint = rest.LastIndexOf(HintMarker, StringComparison.Ordinal);
        if (hint > 0 && rest.EndsWith('`'))
        {
            was = rest[(hint + HintMarker.Length)..^1];
            rest = rest[..hint];
        }

        var autoIncrement = Strip(ref rest, " AUTO_INCREMENT");
        bool nullable;
        if (Strip(ref rest, " NOT NULL")) nullable = false;
        else if (Strip(ref rest, " NULL")) nullable = true;
        else throw reader.Error("a column's type is followed by NULL or NOT NULL");
        if (rest.Length == 0) throw reader.Error("a column has a type");
        return new ColumnShape(name, rest, nullable, autoIncrement, was);
    }

    private static ForeignKeyShape ForeignKey(ref LineReader reader)
    {
        var name = reader.Name();
        var column = reader.NameList();
        if (column.Count != 1) throw reader.Error("a foreign key has one column");
        reader.Expect("references");
        var principal = reader.Name();
        var principalColumn = reader.NameList();
        if (principalColumn.Count != 1) throw reader.Error("a foreign key references one column");
        reader.Expect("on delete");
        var action = reader.Rest();
        if (Array.IndexOf(TableDdl.ActionNames, action) < 0) throw reader.Error("the rule after 'on delete' is one of " + string.Join(", ", TableDdl.ActionNames));
        return new ForeignKeyShape(name, column[0], principal, principalColumn[0], action);
    }

    private static CheckShape Check(ref LineReader reader)
    {
        var name = reader.Name();
        var column = reader.NameList();
        if (column.Count != 1) throw reader.Error("a check has one column");
        reader.Expect("between");
        var bounds = reader.Rest();
        var and = bounds.LastIndexOf(" and ", StringComparison.Ordinal);
        if (and <= 0) throw reader.Error("a check is 'between <minimum> and <maximum>'");
        return new CheckShape(name, column[0], bounds[..and], bounds[(and + 5)..]);
    }

    private static string? Hint(ref LineReader reader) => reader.Word("was") ? reader.Name() : null;

    private static bool Strip(ref string text, string suffix)
    {
        if (!text.EndsWith(suffix, StringComparison.Ordinal)) return false;
        text = text[..^suffix.Length];
        return true;
    }

    /// <summary>Reads one line from the left: words, backtick-quoted names and parenthesized lists of names.</summary>
    private ref struct LineReader(string line, int number)
    {
        private int _at;

        public bool Word(string word)
        {
            if (string.CompareOrdinal(line, _at, word, 0, word.Length) != 0) return false;
            var end = _at + word.Length;
            if (end < line.Length && line[end] != ' ') return false;
            _at = Math.Min(line.Length, end + 1);
            return true;
        }

        public void Expect(string word)
        {
            if (!Word(word)) throw Error($"expected '{word}'");
        }

        public string Name()
        {
            var name = QuotedName();
            SkipSpace();
            return name;
        }

        public List<string> NameList()
        {
            if (_at >= line.Length || line[_at] != '(') throw Error("expected a list of names in parentheses");
            _at++;
            var names = new List<string> { QuotedName() };
            while (_at < line.Length && line[_at] == ',')
            {
                _at++;
                SkipSpace();
                names.Add(QuotedName());
            }

            if (_at >= line.Length || line[_at] != ')') throw Error("a list of names ends with ')'");
            _at++;
            SkipSpace();
            return names;
        }

        private string QuotedName()
        {
            if (_at >= line.Length || line[_at] != '`') throw Error("expected a name in backticks");
            var close = line.IndexOf('`', _at + 1);
            if (close < 0) throw Error("a name's backtick is not closed");
            var name = line[(_at + 1)..close];
            _at = close + 1;
            return name;
        }

        private void SkipSpace()
        {
            if (_at < line.Length && line[_at] == ' ') _at++;
        }

        public string Rest()
        {
            var rest = _at < line.Length ? line[_at..] : "";
            _at = line.Length;
            return rest;
        }

        public readonly void End()
        {
            if (_at < line.Length) throw Error($"unexpected '{line[_at..]}'");
        }

        public readonly FormatException Error(string what) =>
            new(string.Create(CultureInfo.InvariantCulture, $"Line {number} of the model snapshot is not understood ({what}): {line}"));
    }
}
