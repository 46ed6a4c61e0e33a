using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// Implemented by generated code on every entity and every <c>[Row]</c> type: it creates a reader that maps the rows
/// of one result set to <typeparamref name="TSelf"/> by column name, with the ordinals resolved once.
/// </summary>
/// <typeparam name="TSelf">The mapped type.</typeparam>
public interface IRow<TSelf>
{
    /// <summary>Resolves the columns of <paramref name="reader"/>'s current result set and returns a reader for its rows.</summary>
    static abstract RowReader<TSelf> CreateReader(DbDataReader reader);

    /// <summary>The normalized names (lower case, no underscores) the reader matches columns by, one or two per member.</summary>
    static abstract System.Collections.Generic.IReadOnlyList<string> ColumnNames { get; }
}
