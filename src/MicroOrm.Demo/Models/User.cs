using System.Collections.Generic;

namespace MicroOrm.Demo.Models;

/// <summary>A user of the demo's seed data; users have addresses in the reference cities.</summary>
[Table("users")]
public partial class User
{
    [Key] public int Id { get; set; }
    [MaxLength(128), Required] public string Name { get; set; } = "";
    [MaxLength(254), Unique, Email] public string Email { get; set; } = "";
    [HasMany] public List<Address> Addresses { get; set; } = [];
}
