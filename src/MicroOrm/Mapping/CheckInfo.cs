using System.ComponentModel;

namespace MicroOrm.Mapping;

/// <summary>The CHECK constraint of a column's <c>[Range]</c>: its name and its bounds as SQL literals.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CheckInfo
{
    /// <summary>Created by generated code.</summary>
    public CheckInfo(string name, string minimum, string maximum)
    {
        Name = name;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The constraint name, for example <c>ck_signups_age</c>.</summary>
    public string Name { get; }

    /// <summary>The lowest value allowed, as a SQL literal.</summary>
    public string Minimum { get; }

    /// <summary>The highest value allowed, as a SQL literal.</summary>
    public string Maximum { get; }
}
