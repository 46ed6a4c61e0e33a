using MicroOrm;

namespace Shop.V2;

/// <summary>Version 2: a shop has a city, which may be unknown (a nullable column), and is looked up by it (an index).</summary>
[Table("shops")]
public partial class Shop
{
    [Key]
    public int Id { get; set; }

    [MaxLength(100)]
    public string Name { get; set; } = "";

    [MaxLength(80)]
    [Index]
    public string? City { get; set; }
}

[Table("products")]
public partial class Product
{
    [Key]
    public int Id { get; set; }

    [ForeignKey(typeof(Shop), OnDelete = ReferentialAction.Cascade)]
    public int ShopId { get; set; }

    [MaxLength(40)]
    public string Title { get; set; } = "";

    [Precision(10, 2)]
    public decimal Price { get; set; }
}

[Database]
public partial class ShopDb
{
}
