using System.Collections.Generic;

namespace MicroOrm.Mapping;

/// <summary>Collects what is wrong with an entity before it is written, so that one exception can list every problem.</summary>
public sealed class ValidationErrors
{
    private List<ValidationError>? _errors;

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<ValidationError> Errors => (IReadOnlyList<ValidationError>?)_errors ?? [];

    /// <summary>Whether any problem was found.</summary>
    public bool HasErrors => _errors is { Count: > 0 };

    /// <summary>Records a problem with <paramref name="column"/>'s value.</summary>
    public void Add(ColumnInfo column, string problem) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(column.PropertyName, column.Name, ReadErrors.TypeName(column.ClrType), problem));

    /// <summary>Keeps the problems of the columns <paramref name="kept"/> accepts (by name), and those of members that are not columns.</summary>
    internal void KeepOnly(System.Func<string, bool> kept) => _errors?.RemoveAll(e => e.Column is { } column && !kept(column));

    /// <summary>Records a problem with a member that is not a column.</summary>
    public void Add(string member, string typeName, string problem) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(member, null, typeName, problem));
}

/// <summary>One problem with one member of an entity.</summary>
/// <param name="Member">The property.</param>
/// <param name="Column">The column, when the member is one.</param>
/// <param name="TypeName">The property's type.</param>
/// <param name="Problem">What is wrong, without the value itself.</param>
public sealed record ValidationError(string Member, string? Column, string TypeName, string Problem)
{
    /// <inheritdoc />
    public override string ToString() =>
        Column is null ? $"{Member} ({TypeName}): {Problem}" : $"{Member} (column {Column}, {TypeName}): {Problem}";
}
