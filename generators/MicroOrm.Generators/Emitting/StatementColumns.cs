using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Which columns each fixed statement carries, decided once per column: the generated SQL constants
/// (<see cref="StatementEmitter"/>) and the binders that fill their placeholders (<see cref="BinderEmitter"/>) both
/// take their column lists from here, so the text and the values cannot disagree.
/// </summary>
internal static class StatementColumns
{
    /// <summary>An insert writes every column but the AUTO_INCREMENT key, which the server generates.</summary>
    public static List<ColumnModel> Inserted(EntityModel entity) => entity.Columns.Where(c => !c.IsAutoIncrement).ToList();

    /// <summary>
    /// An update (and an upsert that finds the row) sets every column but the key, <c>[CreatedAt]</c> (kept from the
    /// insert) and the <c>[ConcurrencyToken]</c> (which the statement increments itself).
    /// </summary>
    public static List<ColumnModel> Updated(EntityModel entity) => entity.Columns.Where(IsUpdated).ToList();

    /// <summary>Whether an update sets <paramref name="column"/> (see <see cref="Updated"/>); change tracking asks too.</summary>
    public static bool IsUpdated(ColumnModel column) =>
        !column.IsKey && !column.IsAutoIncrement && column.Role != ColumnRole.CreatedAt && !column.IsConcurrencyToken;

    /// <summary>The key columns in key order (<c>[Key(Order = n)]</c>), the order of a composite key's tuple.</summary>
    public static List<ColumnModel> Keys(EntityModel entity) => entity.Columns.Where(c => c.IsKey).OrderBy(c => c.KeyOrder).ToList();

    /// <summary>The single AUTO_INCREMENT key the server generates, or <see langword="null"/>.</summary>
    public static ColumnModel? GeneratedKey(EntityModel entity)
    {
        var keys = Keys(entity);
        return keys.Count == 1 && keys[0].IsAutoIncrement ? keys[0] : null;
    }

    /// <summary>The <c>[ConcurrencyToken]</c> column, or <see langword="null"/>.</summary>
    public static ColumnModel? Token(EntityModel entity) => entity.Columns.FirstOrDefault(c => c.IsConcurrencyToken);
}
