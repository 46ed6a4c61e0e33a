namespace MicroOrm;

/// <summary>One ORDER BY term: a column, or for grouped queries an aggregate.</summary>
internal readonly record struct Ordering(ISelectable Expression, bool Descending);
