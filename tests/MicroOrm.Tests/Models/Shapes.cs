using System;
using System.Collections.Generic;

namespace MicroOrm.Tests.Models;

/// <summary>A composite key, set by the client, with an index over two columns.</summary>
[Table]
[Index(nameof(Role), nameof(JoinedOn))]
public partial class Membership
{
    [Key(Order = 0)] public int UserId { get; set; }
    [Key(Order = 1)] public int GroupId { get; set; }
    [MaxLength(32)] public string Role { get; set; } = "member";
    public DateOnly JoinedOn { get; set; }
}

/// <summary>A client-set Guid key and a unique, explicitly named column.</summary>
[Table("documents")]
public partial class Document
{
    [Key] public Guid Id { get; set; }
    [Column("doc_title"), MaxLength(200), Unique] public string Title { get; set; } = "";
    [Column(TypeName = "MEDIUMTEXT")] public string Body { get; set; } = "";
    [CreatedAt] public DateTimeOffset CreatedAt { get; set; }
    [UpdatedAt] public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>A positional record: the mapper calls its constructor; the generated key arrives through its init accessor.</summary>
[Table("points")]
public partial record Point(int Id, double X, double Y, string? Label);

/// <summary>Required and init-only members, set through an object initializer.</summary>
[Table("settings")]
public partial class Setting
{
    [Key] public int Id { get; init; }
    [MaxLength(64)] public required string Name { get; init; }
    [MaxLength(256)] public string? Value { get; init; }
    [UpdatedAt] public DateTime ChangedAt { get; init; }
}

/// <summary>A private setter and a private parameterless constructor: the nested generated reader can use both.</summary>
[Table("counters")]
public partial class Counter
{
    private Counter()
    {
    }

    public Counter(string name) => Name = name;

    [Key] public long Id { get; private set; }
    [MaxLength(64), Index(IsUnique = true, Name = "ux_counter_name")] public string Name { get; private set; } = "";
    public int Value { get; set; }
}

/// <summary>The test project's database: every entity declared in this project.</summary>
[Database]
public partial class TestDb
{
}

/// <summary>A composite key declared in the opposite order to its properties: the key tuple follows Order.</summary>
[Table]
public partial class Placement
{
    [Key(Order = 1)] public int Slot { get; set; }
    [Key(Order = 0)] public int Shelf { get; set; }
    [MaxLength(40)] public string Item { get; set; } = "";
}

/// <summary>An optimistic-concurrency counter: every update moves Version on and checks the one it read.</summary>
[Table]
public partial class Tally
{
    [Key] public int Id { get; set; }
    [MaxLength(64), Unique] public string Name { get; set; } = "";
    public long Total { get; set; }
    [ConcurrencyToken] public int Version { get; set; }
}

/// <summary>A balance that units of work move between accounts; their sum must never change.</summary>
[Table]
public partial class Account
{
    [Key] public int Id { get; set; }
    [MaxLength(40)] public string Owner { get; set; } = "";
    public long Balance { get; set; }
}

/// <summary>One row written by a unit of work under test, grouped by the trial that wrote it.</summary>
[Table]
public partial class TrialRow
{
    [Key] public long Id { get; set; }
    [MaxLength(40), Index] public string Trial { get; set; } = "";
    public int Step { get; set; }
    public bool IsMarker { get; set; }
}
