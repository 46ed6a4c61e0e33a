using System;

namespace MicroOrm;

/// <summary>
/// The smallest and largest value a number may have, both included. Checked before every insert and update, and
/// declared in the DDL as a <c>CHECK</c> constraint, so that the server refuses an out-of-range value written by any
/// other means too. <see langword="null"/> passes (add <see cref="RequiredAttribute"/> to refuse it).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class RangeAttribute : Attribute
{
    /// <summary>Whole-number bounds.</summary>
    public RangeAttribute(long minimum, long maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Fractional bounds.</summary>
    public RangeAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest value allowed.</summary>
    public object Minimum { get; }

    /// <summary>The largest value allowed.</summary>
    public object Maximum { get; }
}
