using System;

namespace MicroOrm;

/// <summary>
/// Marks the primary key, or one part of a composite key when several properties carry it
/// (ordered by <see cref="Order"/>, then by declaration).
/// </summary>
/// <remarks>
/// A single integral key is <c>AUTO_INCREMENT</c> by default and is filled in on insert; any other key
/// (a <see cref="Guid"/>, a string, a composite key) is set by the client before the insert.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class KeyAttribute : Attribute
{
    private bool? _autoIncrement;

    /// <summary>The position of this property in a composite key.</summary>
    public int Order { get; set; }

    /// <summary>
    /// Whether the server generates the value. Defaults to <see langword="true"/> for a single integral key and
    /// <see langword="false"/> otherwise; setting it on a non-integral key is a build error (MORM0008).
    /// </summary>
    public bool AutoIncrement
    {
        get => _autoIncrement ?? false;
        set => _autoIncrement = value;
    }
}
