namespace MicroOrm.Generators.Model;

/// <summary>A <c>[Database]</c> class: plain values and no source location, like every model the emitters read.</summary>
internal sealed record DatabaseModel(string Namespace, string Name, string FullName, EquatableArray<string> Entities);

/// <summary>
/// The result of parsing one attributed class: a model when it can be generated, what to report, and where the class
/// is named (for diagnostics that later steps find, such as two entities sharing a table). The generator splits it
/// at once: the model feeds the code, the rest feeds the diagnostics.
/// </summary>
internal sealed record ParseResult<T>(T? Model, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;
