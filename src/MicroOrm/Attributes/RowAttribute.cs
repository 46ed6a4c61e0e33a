using System;

namespace MicroOrm;

/// <summary>
/// Marks a <c>partial</c> class, record or struct as a result row: the generator writes a mapper that reads query
/// results into it by column name (case-insensitive, snake_case matching PascalCase, columns in any order). Use it for
/// raw SQL results and for projections (<c>db.States.Select&lt;StateSummary&gt;()</c>).
/// </summary>
/// <remarks>
/// A column missing from the result is an error for a non-nullable member and leaves a nullable member null; extra
/// columns are ignored. <see cref="ColumnAttribute"/> renames a member's column and <see cref="NotMappedAttribute"/>
/// leaves it out.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class RowAttribute : Attribute
{
}
