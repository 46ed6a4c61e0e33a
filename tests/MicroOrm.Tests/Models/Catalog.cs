using System;

namespace MicroOrm.Tests.Models;

/// <summary>The query tests' model: text, nullable text, numbers to compare with each other, an enum, a nullable date.</summary>
[Table]
public partial class Product
{
    [Key] public int Id { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    [MaxLength(50)] public string? Category { get; set; }
    [Precision(10, 2)] public decimal Price { get; set; }
    public int Stock { get; set; }
    public int ReorderLevel { get; set; }
    public bool Active { get; set; } = true;
    public Color Color { get; set; }
    [StoreAsString] public Color? Finish { get; set; }
    public DateOnly? Discontinued { get; set; }
}

/// <summary>Free text: the injection tests store every payload here and read it back.</summary>
[Table]
public partial class Note
{
    [Key] public int Id { get; set; }
    [MaxLength(1000)] public string Text { get; set; } = "";
    [MaxLength(40)] public string Run { get; set; } = "";
}
