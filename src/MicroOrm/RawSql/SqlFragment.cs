using System.Collections.Generic;
using System.Text;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A piece of SQL for a hole in raw SQL, with its own parameters: made only by <see cref="Sql.Format"/> (whose holes
/// are parameters) or by <see cref="Sql.Unsafe"/> (text taken as written, which the MORM1001 analyzer checks is a
/// constant). Embedded in another statement, its parameters are renumbered by position, never by searching its text,
/// so string literals and comments inside it reach the server unchanged.
/// </summary>
public sealed class SqlFragment
{
    private readonly object?[] _values;

    internal SqlFragment(string text, object?[] values, int[] parameterOffsets)
    {
        Text = text;
        _values = values;
        ParameterOffsets = parameterOffsets;
    }

    /// <summary>The fragment's SQL text, its parameters numbered from <c>@p0</c> as if it stood alone.</summary>
    public string Text { get; }

    /// <summary>The values of the fragment's parameters, in order.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>Where each parameter's placeholder starts in <see cref="Text"/>: the structure that embedding renumbers.</summary>
    internal int[] ParameterOffsets { get; }

    /// <summary>The text, then one line per parameter, as <see cref="SqlStatement.ToString"/> shows them.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Text);
        for (var i = 0; i < _values.Length; i++)
        {
            builder.Append('\n').Append(SqlWriter.ParameterName(i)).Append(" = ").Append(SqlStatement.Describe(_values[i]));
        }

        return builder.ToString();
    }
}
