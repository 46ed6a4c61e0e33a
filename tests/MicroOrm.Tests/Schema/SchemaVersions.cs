using System.Collections.Generic;
using MicroOrm.Schema;

namespace MicroOrm.Tests.Schema;

/// <summary>
/// A small schema through five versions, as shapes: a table with a foreign key added; a nullable column and an index
/// added; a column renamed by hint and widened; then a column dropped and another narrowed (the steps that lose data).
/// </summary>
internal static class SchemaVersions
{
    public static List<TableShape> Version(int version, string collation)
    {
        var shops = new TableShape("mig_shops", collation,
            [new("id", "INT", false, true), new("name", version >= 5 ? "VARCHAR(50)" : "VARCHAR(100)", false, false)], ["id"], [], [], []);
        if (version is 3 or 4)
        {
            shops.Columns.Add(new("city", "VARCHAR(80)", true, false));
            shops.Indexes.Add(new("ix_mig_shops_city", false, ["city"]));
        }

        var tables = new List<TableShape> { shops };
        if (version < 2) return tables;

        var title = version >= 4 ? new ColumnShape("label", "VARCHAR(60)", false, false, Was: "title") : new ColumnShape("title", "VARCHAR(40)", false, false);
        tables.Add(new TableShape("mig_products", collation,
            [new("id", "INT", false, true), new("shop_id", "INT", false, false), title, new("price", "DECIMAL(10,2)", false, false)],
            ["id"],
            [],
            [new("fk_mig_products_shop_id", "shop_id", "mig_shops", "id", "CASCADE")],
            [new("ck_mig_products_price", "price", "0", "100000")]));
        return tables;
    }
}
