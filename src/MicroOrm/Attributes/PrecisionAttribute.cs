using System;

namespace MicroOrm;

/// <summary>
/// The precision (total digits, 1–65) and scale (digits after the point, 0–30) of a <see cref="decimal"/>
/// column. Without it a decimal is <c>DECIMAL(18,2)</c>. A value with more digits than the column holds is refused
/// before it is sent, rather than rounded by the server.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PrecisionAttribute : Attribute
{
    /// <summary>Sets precision and scale.</summary>
    public PrecisionAttribute(int precision, int scale)
    {
        Precision = precision;
        Scale = scale;
    }

    /// <summary>Total number of digits.</summary>
    public int Precision { get; }

    /// <summary>Digits after the decimal point.</summary>
    public int Scale { get; }
}
