using MicroOrm;

namespace MicroOrm.Topology.Tests;

/// <summary>A row written on the primary and read back, through whichever server the topology picks.</summary>
[Table("notes")]
public partial class Note
{
    [Key]
    public int Id { get; set; }

    [MaxLength(100)]
    public string Text { get; set; } = "";
}

/// <summary>One row per unit of work that a worker had acknowledged: its id is unique, so a unit applied twice cannot hide.</summary>
[Table("ledger")]
public partial class LedgerEntry
{
    [Key]
    public long Id { get; set; }

    [MaxLength(40)]
    [Unique]
    public string UnitId { get; set; } = "";

    public int Account { get; set; }

    public int Amount { get; set; }
}

/// <summary>A balance the units add to, so that a unit applied twice, or lost, shows in the sum.</summary>
[Table("accounts")]
public partial class Account
{
    [Key(AutoIncrement = false)]
    public int Id { get; set; }

    public long Balance { get; set; }
}

[Database]
public partial class TopologyDb
{
}
