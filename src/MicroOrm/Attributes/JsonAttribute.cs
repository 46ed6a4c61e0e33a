using System;

namespace MicroOrm;

/// <summary>
/// Stores the property as JSON: in a <c>JSON</c> column on MySQL, and in a <c>LONGTEXT</c> with a
/// <c>CHECK (JSON_VALID(...))</c> on MariaDB (whose JSON is that). It is serialized through
/// <paramref name="contextType"/>, a System.Text.Json source-generated <c>JsonSerializerContext</c> that lists the
/// property's type (<c>[JsonSerializable(typeof(...))]</c>), so it stays NativeAOT-clean; a context that does not
/// is build error MORM0039. Queries filter on a path inside the document through
/// <see cref="JsonColumn{T}.Path{TValue}(string)"/>.
/// </summary>
/// <param name="contextType">The source-generated JSON context.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class JsonAttribute(Type contextType) : Attribute
{
    /// <summary>The source-generated <c>JsonSerializerContext</c> that serializes the property.</summary>
    public Type ContextType { get; } = contextType;
}
