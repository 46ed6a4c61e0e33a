using System;
using System.Collections.Generic;

namespace MicroOrm.ReferenceModels;

/// <summary>A state; it has many cities.</summary>
[Table]
public partial class State
{
    [Key]
    public int Id { get; set; }

    [MaxLength(128)]
    public string Name { get; set; } = "";

    [CreatedAt]
    public DateTime CreatedAt { get; set; }

    [UpdatedAt]
    public DateTime UpdatedAt { get; set; }

    [HasMany]
    public List<City> Cities { get; set; } = [];
}
