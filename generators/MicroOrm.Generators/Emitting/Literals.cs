using System.Text;

namespace MicroOrm.Generators.Emitting;

/// <summary>C# literals and names for generated code.</summary>
internal static class Literals
{
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"MicroOrm.Generators\", \"" + ThisAssembly.Version + "\")]";

    /// <summary>A C# string literal with the characters that need it escaped.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>An array creation expression; <c>Array.Empty</c> when there are no items.</summary>
    public static string Array(string elementType, System.Collections.Generic.IEnumerable<string> items)
    {
        var list = System.Linq.Enumerable.ToList(items);
        return list.Count == 0
            ? $"global::System.Array.Empty<{elementType}>()"
            : $"new {elementType}[] {{ {string.Join(", ", list)} }}";
    }

    /// <summary>A local variable name for a property: camelCase, escaped when it is a keyword.</summary>
    public static string Local(string propertyName)
    {
        var name = Parsing.Naming.ToCamelCase(propertyName);
        if (name is "reader" or "column" or "exception" or "entity" or "value") return name + "Value";
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
    }
}

internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
