using System;

namespace MicroOrm.Tests.Models;

/// <summary>A positional record result: built through its constructor.</summary>
[Row]
public partial record StateSummary(int Id, string Name);

/// <summary>A struct result with a renamed column and a nullable member that may be absent from the result.</summary>
[Row]
public partial struct CityLine
{
    [Column("city_name")] public string City { get; set; }
    public string StateName { get; set; }
    public int? Population { get; set; }
}

/// <summary>A class result with an enum stored by name and a member that is not read.</summary>
[Row]
public partial class ColorCount
{
    [StoreAsString] public Color Color { get; set; }
    public long Total { get; set; }
    [NotMapped] public string Label => $"{Color}: {Total}";
}
