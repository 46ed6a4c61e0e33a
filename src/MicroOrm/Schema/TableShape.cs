using System.Collections.Generic;

namespace MicroOrm.Schema;

/// <summary>
/// A table as the schema code sees it: what the model says it should be on a dialect (what CREATE TABLE is written
/// from), or what <c>information_schema</c> says it is. Types are kept as each side spells them and compared in
/// <see cref="ColumnTypes.Normalize"/>'s form.
/// </summary>
internal sealed record TableShape(
    string Name,
    string? Collation,
    List<ColumnShape> Columns,
    List<string> PrimaryKey,
    List<IndexShape> Indexes,
    List<ForeignKeyShape> ForeignKeys,
    List<CheckShape> Checks,
    string? Was = null);

/// <summary>
/// A column: its type (as the model declares it, or as the server reports it), whether it takes NULL, whether the
/// server numbers it, and the name it had before a rename (the model's <c>Was</c>).
/// </summary>
internal sealed record ColumnShape(string Name, string Type, bool IsNullable, bool IsAutoIncrement, string? Was = null)
{
    /// <summary>The type in the one spelling both sides compare in.</summary>
    public string NormalType => ColumnTypes.Normalize(Type);
}

/// <summary>An index or unique key other than the primary key.</summary>
internal sealed record IndexShape(string Name, bool IsUnique, List<string> Columns)
{
    /// <summary>Whether <paramref name="other"/> indexes the same columns with the same uniqueness (names aside).</summary>
    public bool HasSameDefinition(IndexShape other) =>
        IsUnique == other.IsUnique && System.Linq.Enumerable.SequenceEqual(Columns, other.Columns, System.StringComparer.OrdinalIgnoreCase);
}

/// <summary>A foreign key: its column, what it references, and its ON DELETE rule as the server names it.</summary>
internal sealed record ForeignKeyShape(string Name, string Column, string PrincipalTable, string PrincipalColumn, string OnDelete)
{
    /// <summary>Whether <paramref name="other"/> links the same column to the same key with the same delete rule (names aside).</summary>
    public bool HasSameDefinition(ForeignKeyShape other) =>
        Same(Column, other.Column) && Same(PrincipalTable, other.PrincipalTable) && Same(PrincipalColumn, other.PrincipalColumn) && Same(OnDelete, other.OnDelete);

    private static bool Same(string a, string b) => string.Equals(a, b, System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A CHECK constraint: the model's carry the <c>[Range]</c> column and bounds (SQL literals), or an expression the
/// dialect adds (MariaDB's <c>JSON_VALID</c> of a JSON column); the server's only the name, which is what is compared.
/// </summary>
internal sealed record CheckShape(string Name, string? Column = null, string? Minimum = null, string? Maximum = null, string? Expression = null);
