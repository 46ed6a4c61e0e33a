using System;
using System.Collections.Generic;
using System.Text;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Quotes SQL identifiers (table, column, index and database names). Identifiers are the only text MicroOrm ever
/// places into SQL that did not come from the generator or a constant, so every one passes through here.
/// </summary>
public static class SqlIdentifier
{
    /// <summary>The longest identifier MySQL and MariaDB accept.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Returns <paramref name="name"/> quoted with backticks. Names that MySQL would not accept as identifiers
    /// (empty, longer than 64 characters, ending in a space, containing NUL or a character outside the Basic
    /// Multilingual Plane) and names with a backtick are refused rather than escaped, so a quoted identifier can never
    /// carry anything but a name.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a valid identifier.</exception>
    public static string Quote(string name)
    {
        Validate(name);
        return "`" + name + "`";
    }

    /// <summary>Throws when <paramref name="name"/> cannot be an identifier; see <see cref="Quote"/>.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxLength)
        {
            throw new ArgumentException($"'{name}' is not a valid SQL identifier: it must have 1 to {MaxLength} characters.", nameof(name));
        }

        foreach (var c in name)
        {
            if (c is '`' or '\0' || char.IsSurrogate(c))
            {
                throw new ArgumentException($"'{name}' is not a valid SQL identifier: backticks, NUL and characters outside the Basic Multilingual Plane (such as emoji) are not allowed.", nameof(name));
            }
        }

        if (name[^1] == ' ')
        {
            throw new ArgumentException($"'{name}' is not a valid SQL identifier: a trailing space is not allowed.", nameof(name));
        }
    }
}
