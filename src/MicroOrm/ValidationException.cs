using System.Collections.Generic;
using System.Linq;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// An entity failed the checks its model declares (column lengths and ranges, NOT NULL, validation attributes)
/// before anything was sent. It lists every failed member; nothing was written.
/// </summary>
public sealed class ValidationException : MicroOrmException
{
    /// <summary>Creates the exception for <paramref name="entityName"/> stored in <paramref name="table"/>.</summary>
    public ValidationException(string entityName, string table, IReadOnlyList<ValidationError> errors)
        : base(
            $"Cannot write {entityName} to table {table}: " + string.Join("; ", errors.Select(e => e.ToString())) + ".",
            null, null, table, errors.Count == 1 ? errors[0].Column : null)
    {
        Errors = errors;
    }

    /// <summary>Every problem found, one per failed check.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
