using System;
using System.Diagnostics.CodeAnalysis;

namespace MicroOrm;

/// <summary>
/// A string must match a .NET regular expression as a whole (as if between <c>\A</c> and <c>\z</c>). The expression is
/// compiled by the generator, so a mistake in it is a build error (MORM0033), and checked before every insert and
/// update, with a one-second match timeout. <see langword="null"/> passes (add <see cref="RequiredAttribute"/> to
/// refuse it). The server's REGEXP dialect differs from .NET's, so the pattern is not declared in the DDL.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PatternAttribute : Attribute
{
    /// <summary>Sets the pattern.</summary>
    public PatternAttribute([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) => Pattern = pattern;

    /// <summary>The regular expression.</summary>
    public string Pattern { get; }
}
