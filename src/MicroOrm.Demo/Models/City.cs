namespace MicroOrm.Demo.Models;

/// <summary>A city of the reference project's <c>cities</c> table (id, state_id, name); deleting its state deletes it.</summary>
[Table("cities")]
public partial class City
{
    [Key] public int Id { get; set; }
    [ForeignKey(typeof(State), OnDelete = ReferentialAction.Cascade)] public int StateId { get; set; }
    [MaxLength(256)] public string Name { get; set; } = "";
    [BelongsTo] public State? State { get; set; }
}
