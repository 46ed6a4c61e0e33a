using System;

namespace MicroOrm;

/// <summary>
/// A string must look like an e-mail address: one <c>@</c> with text on both sides, a domain with no empty labels,
/// and no white space. This is the shape check a form makes, not proof that the address exists.
/// <see langword="null"/> passes (add <see cref="RequiredAttribute"/> to refuse it).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class EmailAttribute : Attribute
{
}
