using System.Text;

namespace MicroOrm.Generators.Emitting;

/// <summary>C# literals and names for generated code.</summary>
internal static class Literals
{
    /// <summary>The generator's version: its assembly's, as major.minor.patch (the build sets it from the package version).</summary>
    public static readonly string GeneratorVersion = typeof(Literals).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The attribute on every generated class, naming the generator and the version that wrote the code.</summary>
    public static readonly string GeneratedCode = $"[{KnownNames.GeneratedCode}(\"MicroOrm.Generators\", \"{GeneratorVersion}\")]";

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
            ? $"{KnownNames.Array}.Empty<{elementType}>()"
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
