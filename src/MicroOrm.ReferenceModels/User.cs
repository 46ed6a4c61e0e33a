using System;
using System.Collections.Generic;

namespace MicroOrm.ReferenceModels;

/// <summary>A user; it has many addresses.</summary>
[Table]
public partial class User
{
    [Key]
    public int Id { get; set; }

    [MaxLength(128)]
    [Required]
    public string Name { get; set; } = "";

    [MaxLength(254)]
    [Unique]
    [Email]
    public string Email { get; set; } = "";

    [CreatedAt]
    public DateTime CreatedAt { get; set; }

    [UpdatedAt]
    public DateTime UpdatedAt { get; set; }

    [HasMany]
    public List<Address> Addresses { get; set; } = [];
}
