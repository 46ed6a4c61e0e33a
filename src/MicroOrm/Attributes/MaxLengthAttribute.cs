using System;

namespace MicroOrm;

/// <summary>
/// The longest value a <see cref="string"/> (in characters) or <c>byte[]</c> (in bytes) column holds. It sets the
/// column type (<c>VARCHAR(n)</c> up to 4,095 characters, then <c>TEXT</c>, <c>MEDIUMTEXT</c>, <c>LONGTEXT</c>) and
/// a longer value is refused before it is sent, with an error that names the column.
/// </summary>
/// <remarks>Strings without it are <c>VARCHAR(255)</c>; <c>byte[]</c> without it is <c>LONGBLOB</c>.</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class MaxLengthAttribute : Attribute
{
    /// <summary>Sets the maximum length.</summary>
    public MaxLengthAttribute(int length) => Length = length;

    /// <summary>The maximum length in characters (strings) or bytes (<c>byte[]</c>).</summary>
    public int Length { get; }
}
