using System.Collections.Generic;

namespace MicroOrm.Tests.Models;

/// <summary>One-to-one (a person has one profile) and many-to-many through an explicit join entity (people and teams).</summary>
[Table("people")]
public partial class Person
{
    [Key] public int Id { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    [HasOne] public Profile? Profile { get; set; }
    [HasMany] public List<TeamMember> Memberships { get; set; } = [];
}

[Table]
public partial class Profile
{
    [Key] public int Id { get; set; }
    [Unique, ForeignKey(typeof(Person), OnDelete = ReferentialAction.Cascade)] public int PersonId { get; set; }
    [MaxLength(200)] public string Bio { get; set; } = "";
    [BelongsTo] public Person? Person { get; set; }
}

[Table]
public partial class Team
{
    [Key] public int Id { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    [HasMany] public IReadOnlyList<TeamMember> Members { get; set; } = [];
}

[Table]
[Index(nameof(PersonId), nameof(TeamId), IsUnique = true)]
public partial class TeamMember
{
    [Key] public int Id { get; set; }
    [ForeignKey(typeof(Person), OnDelete = ReferentialAction.Cascade)] public int PersonId { get; set; }
    [ForeignKey(typeof(Team), OnDelete = ReferentialAction.Cascade)] public int TeamId { get; set; }
    [BelongsTo] public Person? Person { get; set; }
    [BelongsTo] public Team? Team { get; set; }
}
