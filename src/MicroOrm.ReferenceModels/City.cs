using System;
using System.Collections.Generic;

namespace MicroOrm.ReferenceModels;

/// <summary>A city of one state; deleting the state deletes its cities.</summary>
[Table]
public partial class City
{
    [Key]
    public int Id { get; set; }

    [MaxLength(128)]
    public string Name { get; set; } = "";

    [ForeignKey(typeof(State), OnDelete = ReferentialAction.Cascade)]
    public int StateId { get; set; }

    [CreatedAt]
    public DateTime CreatedAt { get; set; }

    [UpdatedAt]
    public DateTime UpdatedAt { get; set; }

    [BelongsTo]
    public State? State { get; set; }

    [HasMany]
    public List<Address> Addresses { get; set; } = [];
}
