using System.Data.Common;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>Something a query can select: a column or an aggregate.</summary>
public interface ISelectable
{
    /// <summary>What the expression is, for the SQL writer: a column, or an aggregate of one.</summary>
    internal SelectItem Item { get; }
}

/// <summary>
/// Something a query can select and read back as a <typeparamref name="T"/>: a column, or an aggregate such as
/// <see cref="Aggregates.Count()"/>. Projections take tuples of these: <c>Select(s =&gt; (s.Id, s.Name))</c>.
/// </summary>
/// <typeparam name="T">The value read back.</typeparam>
public interface ISelectable<T> : ISelectable
{
    /// <summary>Reads the expression's value at <paramref name="ordinal"/> of the current row.</summary>
    internal T Read(DbDataReader reader, int ordinal);
}
