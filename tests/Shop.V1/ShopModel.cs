using MicroOrm;

namespace Shop.V1;

/// <summary>Version 1: shops, and their products, which reference them by a foreign key.</summary>
[Table("shops")]
public partial class Shop
{
    [Key]
    public int Id { get; set; }

    [MaxLength(100)]
    public string Name { get; set; } = "";
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
