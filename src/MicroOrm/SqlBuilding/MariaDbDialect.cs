using MicroOrm.Mapping;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// MariaDB 10.6 and later. Its upsert refers to the new row with <c>VALUES(column)</c>: MariaDB has no row alias
/// after VALUES (<c>AS new</c> is a syntax error there).
/// </summary>
internal sealed class MariaDbDialect : SqlDialect
{
    public MariaDbDialect()
        : base("MariaDB 10.6+", 0)
    {
    }

    public override string UpsertRowAlias => "";

    public override string InsertedValue(ColumnInfo column) => "VALUES(" + column.QuotedName + ")";
}
