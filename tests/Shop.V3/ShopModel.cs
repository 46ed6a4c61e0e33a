using MicroOrm;

namespace Shop.V3;

/// <summary>Version 3: a product's title is renamed to label (a hint, so the column keeps its values) and made longer.</summary>
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

    [MaxLength(60)]
    [Column(Was = "title")]
    public string Label { get; set; } = "";

    [Precision(10, 2)]
    public decimal Price { get; set; }
}

[Database]
public partial class ShopDb
{
}
