using System.Collections.Generic;

namespace MicroOrm;

/// <summary>
/// <c>column IN (@p0, @p1, ...)</c>. An empty list is FALSE (NOT IN: TRUE) rather than the syntax error <c>IN ()</c>
/// would be; a NULL in the list matches NULL rows, as a C# reader of <c>In(null, 1)</c> expects, and a NULL row is
/// otherwise simply not in the list (so that NOT IN includes it, as <c>!list.Contains(null)</c> does).
/// </summary>
internal sealed class InCondition(ColumnRef column, List<object?> values, bool includesNull, bool negated) : Condition
{
    public ColumnRef Column { get; } = column;

    public List<object?> Values { get; } = values;

    public bool IncludesNull { get; } = includesNull;

    public bool Negated { get; } = negated;
}
