namespace MicroOrm.Demo.Models;

/// <summary>A street address of one user in one city.</summary>
[Table("addresses")]
public partial class Address
{
    [Key] public int Id { get; set; }
    [MaxLength(256)] public string Street { get; set; } = "";
    [ForeignKey(typeof(User), OnDelete = ReferentialAction.Cascade)] public int UserId { get; set; }
    [ForeignKey(typeof(City), OnDelete = ReferentialAction.Cascade)] public int CityId { get; set; }
    [BelongsTo] public User? User { get; set; }
    [BelongsTo] public City? City { get; set; }
}
