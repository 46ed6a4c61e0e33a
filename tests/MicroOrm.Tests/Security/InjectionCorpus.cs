using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MicroOrm.Tests.Security;

/// <summary>
/// SQL injection payloads built from the well-known public categories (the sqlmap payload families and
/// PayloadsAllTheThings' MySQL page): quote and comment breaks, stacked queries, UNION, boolean, error-based and
/// time-based payloads, backslash and multibyte tricks, Unicode look-alike quotes, versioned comments, LIKE
/// wildcards, each also wrapped in the usual boundaries and passed through the usual tamper transformations.
/// </summary>
internal static class InjectionCorpus
{
    private static readonly string[] Base =
    [
        // The reference project's own example, and classic quote/comment breaks.
        "Arizona'; TRUNCATE TABLE states ; SELECT * FROM states WHERE name = 'Arizona",
        "' OR '1'='1", "' OR 1=1 -- ", "' OR 1=1#", "\" OR \"1\"=\"1", "admin'-- ", "admin' #", "'='", "' OR ''='",
        "') OR ('a'='a", "')) OR (('a'='a", "' OR 'x'='x' /*", "1' AND '1'='2", "x' AND 1=0 UNION ALL SELECT 'a' -- ",
        // Stacked queries.
        "'; DROP TABLE notes; -- ", "1; DELETE FROM notes", "'; INSERT INTO notes (text, run) VALUES ('pwned', 'x'); -- ",
        "'; UPDATE notes SET text = 'pwned'; -- ", "\"; DROP TABLE products; -- ", "'; SET GLOBAL max_connections = 1; -- ",
        "'; CREATE TABLE pwned (id INT); -- ", "'; SHUTDOWN; -- ",
        // UNION.
        "' UNION SELECT 1,2,3 -- ", "' UNION SELECT NULL, @@version, NULL -- ", "' UNION ALL SELECT user(), database(), 3#",
        "1 UNION SELECT table_name FROM information_schema.tables", "' UNION SELECT LOAD_FILE('/etc/passwd') -- ",
        // Boolean and error-based.
        "' AND 1=(SELECT COUNT(*) FROM information_schema.tables) -- ", "' AND EXTRACTVALUE(1, CONCAT(0x7e, VERSION())) -- ",
        "' AND UPDATEXML(1, CONCAT(0x7e, USER()), 1) -- ", "' AND GTID_SUBSET(CONCAT(0x7e, DATABASE()), 1) -- ",
        "' AND (SELECT 1 FROM (SELECT COUNT(*), CONCAT(VERSION(), FLOOR(RAND(0)*2)) x FROM information_schema.tables GROUP BY x) a) -- ",
        "' AND EXP(~(SELECT * FROM (SELECT USER()) a)) -- ",
        // Time-based.
        "' OR SLEEP(3) -- ", "1 AND SLEEP(3)", "' AND BENCHMARK(50000000, MD5(1)) -- ", "'||(SELECT SLEEP(3))||'",
        "' OR IF(1=1, SLEEP(3), 0) -- ", "1' AND (SELECT * FROM (SELECT SLEEP(3)) x) -- ",
        // Backslash and multibyte tricks.
        "\\' OR 1=1 -- ", "\\\\' OR 1=1 -- ", "\\", "\\\\", "\\0", "%bf%27 OR 1=1 -- ", "\u00bf' OR 1=1 -- ", "\u00df' OR 1=1 -- ",
        "\u00bf\\' OR 1=1 -- ", "\u5c27 OR 1=1", "\0' OR 1=1 -- ", "line\nbreak' -- ", "tab\t' -- ", "\r\n' OR 1=1",
        // Unicode look-alike quotes and dashes.
        "\u2019 OR 1=1 -- ", "\u02bc OR 1=1 -- ", "\uff07 OR 1=1 -- ", "\u055a OR 1=1", "\u2032 OR 1=1", "\uff02 OR 1=1",
        "\u2013\u2013 comment", "\u201c OR \u201d=\u201d",
        // Versioned comments and comment tricks.
        "'/*!50000UNION*//*!50000SELECT*/1 -- ", "' /*!OR*/ 1=1 -- ", "*/ OR 1=1 /*", "' -- -", "';#", "'/**/OR/**/1=1#",
        // LIKE wildcards, identifiers, scientific notation and oddities.
        "%", "_", "%%", "a%b_c", "100%", "\\%", "|", "||", "|%", "`", "`; DROP TABLE notes; `", "1e0UNION SELECT 1", "0x27", "CHAR(39)",
        "' OR 1 IN (SELECT 1) -- ", "😀' OR 1=1 -- 😀", "NULL", "null'", "", " ", "'",
    ];

    private static readonly (string Prefix, string Suffix)[] Boundaries =
    [
        ("", ""), ("'", ""), ("\"", ""), ("')", ""), ("%'", ""), ("`", ""), ("*/", ""), ("\\", ""), ("", "-- "), ("", "#"), ("1", ""),
    ];

    public static IReadOnlyList<string> Payloads { get; } = Build();

    private static IReadOnlyList<string> Build()
    {
        var payloads = new List<string>();
        foreach (var payload in Base)
        {
            payloads.Add(payload);
            payloads.Add(RandomCase(payload));
            payloads.Add(payload.Replace(" ", "/**/", StringComparison.Ordinal));
        }

        foreach (var (prefix, suffix) in Boundaries)
        {
            foreach (var payload in Base.Take(15)) payloads.Add(prefix + payload + suffix);
        }

        return payloads.Distinct(StringComparer.Ordinal).Where(p => p.EnumerateRunes().Count() <= 1000).ToList();
    }

    private static string RandomCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++) builder.Append(i % 2 == 0 ? char.ToUpperInvariant(text[i]) : char.ToLowerInvariant(text[i]));
        return builder.ToString();
    }
}
