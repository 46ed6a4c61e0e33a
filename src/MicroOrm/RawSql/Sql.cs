using System;

namespace MicroOrm;

/// <summary>Helpers for raw SQL written as interpolated strings.</summary>
public static class Sql
{
    /// <summary>
    /// An identifier (table, column, alias) chosen at run time, for a hole in raw SQL: the name is validated (1 to 64
    /// characters, no backtick, no NUL, no trailing space) and quoted with backticks, so it can only ever be a name.
    /// Prefer a fixed list of allowed names where the name comes from a user.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a valid identifier.</exception>
    public static SqlIdentifierText Identifier(string name) => new(SqlIdentifier.Quote(name));

    /// <summary>
    /// A reusable SQL fragment with its parameters, to embed in another statement's hole:
    /// <c>var filter = Sql.Format($"name = {name}"); db.QueryAsync&lt;State&gt;($"SELECT * FROM states WHERE {filter}")</c>.
    /// </summary>
    public static SqlFragment Format(SqlFragmentHandler sql) => sql.ToFragment();

    /// <summary>
    /// A fragment of SQL text taken exactly as written, for a hole: only for text that really is constant (a clause
    /// chosen from a fixed set in code). Anything spliced into <paramref name="sql"/> can inject SQL; the MORM1001
    /// analyzer warns when a non-constant string reaches it. Values belong in <see cref="Format"/>'s holes instead.
    /// </summary>
    public static SqlFragment Unsafe([ConstantSql] string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new SqlFragment(sql, [], []);
    }
}

/// <summary>A validated, quoted identifier made by <see cref="Sql.Identifier"/>; a raw SQL hole writes it as is.</summary>
public sealed class SqlIdentifierText
{
    internal SqlIdentifierText(string quoted) => Quoted = quoted;

    /// <summary>The identifier in backticks.</summary>
    public string Quoted { get; }

    /// <inheritdoc />
    public override string ToString() => Quoted;
}
