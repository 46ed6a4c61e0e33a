using Microsoft.CodeAnalysis;

namespace MicroOrm.Generators.Model;

/// <summary>A diagnostic waiting to be reported, held as values so that it can travel through the pipeline.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.ToObjectArray());
}

internal static class EquatableArrayExtensions
{
    public static object[] ToObjectArray(this EquatableArray<string> items)
    {
        var result = new object[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = items[i];
        return result;
    }
}
