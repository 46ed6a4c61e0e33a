namespace MicroOrm.Generators.Model;

/// <summary>A <c>[Database]</c> class.</summary>
internal sealed record DatabaseModel(string Namespace, string Name, string FullName, EquatableArray<string> Entities, LocationInfo? Location);

/// <summary>The result of parsing one attributed class: a model when it can be generated, and what to report.</summary>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;
