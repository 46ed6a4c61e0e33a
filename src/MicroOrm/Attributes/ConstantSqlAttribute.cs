using System;

namespace MicroOrm;

/// <summary>
/// Marks a string parameter that is run as SQL exactly as written. MicroOrm's analyzer reports MORM1001 wherever a
/// value that is not a compile-time constant reaches it (concatenation, <c>string.Format</c>, an interpolated string
/// that is not MicroOrm's parameterizing handler, a variable). Put it on your own helpers that take raw SQL, too.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = true)]
public sealed class ConstantSqlAttribute : Attribute
{
}
