using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Migrations.Tests.Infrastructure;
using MicroOrm.Servers;
using Xunit;

namespace MicroOrm.Migrations.Tests;

/// <summary>
/// One database taken through the shop model's three compiled versions by each version's own embedded migrations:
/// a table with a foreign key; a nullable column and an index; a column renamed by hint and widened. Rows are written
/// at each version, and every row keeps its values to the end, where the schema is the one CreateAsync makes from
/// the last model, compared through information_schema.
/// </summary>
public sealed class ShopVersionTests(ServerFixture server)
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_survives_three_versions_and_the_schema_ends_as_CreateAsync_makes_it()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(server.Server, "versions", Ct);

        await using (var v1 = Shop.V1.ShopDb.Connect(scratch.ConnectionString))
        {
            Assert.Equal(["1 CreateShops"], (await v1.Migrations.ApplyAsync(Ct)).Select(m => m.ToString()));
            var corner = new Shop.V1.Shop { Name = "Corner" };
            await v1.Shops.InsertAsync(corner, Ct);
            await v1.Products.InsertAsync(new Shop.V1.Product { ShopId = corner.Id, Title = "Tea", Price = 3.50m }, Ct);
        }

        await using (var v2 = Shop.V2.ShopDb.Connect(scratch.ConnectionString))
        {
            Assert.Equal(["2 AddCity"], (await v2.Migrations.ApplyAsync(Ct)).Select(m => m.ToString()));
            var corner = Assert.Single(await v2.Shops.ToListAsync(Ct));
            Assert.Equal(("Corner", (string?)null), (corner.Name, corner.City));
            var harbour = new Shop.V2.Shop { Name = "Harbour", City = "Hamburg" };
            await v2.Shops.InsertAsync(harbour, Ct);
            await v2.Products.InsertAsync(new Shop.V2.Product { ShopId = harbour.Id, Title = "Coffee", Price = 12.25m }, Ct);
            Assert.Equal(["Harbour"], (await v2.Shops.Where(s => s.City == "Hamburg").ToListAsync(Ct)).Select(s => s.Name));
        }

        var longLabel = new string('x', 60);
        await using (var v3 = Shop.V3.ShopDb.Connect(scratch.ConnectionString))
        {
            Assert.Equal(["3 RenameTitle"], (await v3.Migrations.ApplyAsync(Ct)).Select(m => m.ToString()));
            await v3.Products.InsertAsync(new Shop.V3.Product { ShopId = 1, Label = longLabel, Price = 0.99m }, Ct);

            Assert.Equal(["1|Corner|∅", "2|Harbour|Hamburg"], (await v3.Shops.OrderBy(s => s.Id).ToListAsync(Ct)).Select(s => $"{s.Id}|{s.Name}|{s.City ?? "∅"}"));
            Assert.Equal(
                ["1|1|Tea|3.50", "2|2|Coffee|12.25", $"3|1|{longLabel}|0.99"],
                (await v3.Products.OrderBy(p => p.Id).ToListAsync(Ct)).Select(p => FormattableString.Invariant($"{p.Id}|{p.ShopId}|{p.Label}|{p.Price}")));
            Assert.Empty(await v3.Schema.CheckAsync(Ct));
            Assert.Empty(await v3.Migrations.GetPendingAsync(Ct));
        }

        await using var created = await ScratchDatabase.CreateAsync(server.Server, "created", Ct);
        await using (var fresh = Shop.V3.ShopDb.Connect(created.ConnectionString)) await fresh.Schema.CreateAsync(Ct);
        var expected = await SchemaText.ReadAsync(created.ConnectionString);
        Assert.Contains(expected, line => line.StartsWith("column|products|3|label|varchar(60)|NO", System.StringComparison.Ordinal));
        Assert.Equal(expected, await SchemaText.ReadAsync(scratch.ConnectionString));
    }
}
