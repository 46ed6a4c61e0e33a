using System;

namespace MicroOrm;

/// <summary>A row could not be read into an object, or an object's value cannot be written to its column.</summary>
public sealed class MappingException : MicroOrmException
{
    /// <summary>Creates the exception.</summary>
    public MappingException(string message, Exception? innerException, string? table, string? column)
        : base(message, innerException, sql: null, table, column)
    {
    }
}
