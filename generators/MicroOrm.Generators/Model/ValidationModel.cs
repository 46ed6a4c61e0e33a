namespace MicroOrm.Generators.Model;

/// <summary>A column's validation attributes: what the generated checks test, and what the DDL declares.</summary>
internal sealed record ValidationModel(bool Required, bool AllowEmptyStrings, RangeModel? Range, string? Pattern, bool Email);

/// <summary>
/// <c>[Range]</c> bounds. The C# bounds are literals comparable with the property's type, left out (null) where the
/// type's own limit is already tighter; the SQL bounds are what the <c>CHECK</c> constraint declares.
/// </summary>
internal sealed record RangeModel(
    string? Minimum,
    string? Maximum,
    string MinimumText,
    string MaximumText,
    string ConstraintName);
