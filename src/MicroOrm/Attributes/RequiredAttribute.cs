using System;

namespace MicroOrm;

/// <summary>
/// The property must have a value: not <see langword="null"/>, and for a string not empty or only white space. The
/// column is <c>NOT NULL</c> even when the property's type is nullable. Checked before every insert and update.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class RequiredAttribute : Attribute
{
    /// <summary>Whether an empty or white-space string counts as a value (it does not by default).</summary>
    public bool AllowEmptyStrings { get; set; }
}
