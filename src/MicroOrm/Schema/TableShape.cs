using System.Collections.Generic;

namespace MicroOrm.Schema;

/// <summary>
/// A table as the drift check compares it: what the model says it should be, or what <c>information_schema</c> says
/// it is. Types are in <see cref="ColumnTypes.Normalize"/>'s form, so the two sides compare as text.
/// </summary>
internal sealed record TableShape(
    string Name,
    string? Collation,
    List<ColumnShape> Columns,
    List<string> PrimaryKey,
    List<IndexShape> Indexes,
    List<ForeignKeyShape> ForeignKeys,
    List<string> Checks);

/// <summary>A column: its type as the server reports it, whether it takes NULL, and whether the server numbers it.</summary>
internal sealed record ColumnShape(string Name, string Type, bool IsNullable, bool IsAutoIncrement);

/// <summary>An index or unique key other than the primary key.</summary>
internal sealed record IndexShape(string Name, bool IsUnique, List<string> Columns);

/// <summary>A foreign key: its column, what it references, and its ON DELETE rule as the server names it.</summary>
internal sealed record ForeignKeyShape(string Name, string Column, string PrincipalTable, string PrincipalColumn, string OnDelete);
