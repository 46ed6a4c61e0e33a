using MicroOrm;

// A user's first program: a model, a database class, a schema, a bulk of rows and one query.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: shop-consumer <connection string>");
    return 2;
}

await using var db = ShopDb.Connect(args[0]);
await db.Schema.CreateAsync();
await db.Products.InsertManyAsync([new Product { Name = "bread", Price = 2.5m }, new Product { Name = "wine", Price = 12m }, new Product { Name = "apple", Price = 0.4m }]);
var cheap = await db.Products.Where(p => p.Price < 10m).OrderBy(p => p.Name).ToListAsync();
Console.WriteLine("cheap: " + string.Join(", ", cheap.Select(p => $"{p.Name} {p.Price:0.00}")));
return 0;

[Table]
public partial class Product
{
    [Key] public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    [Precision(10, 2)] public decimal Price { get; set; }
}

[Database]
public partial class ShopDb
{
}
