namespace MicroOrm.Tests.Models;

/// <summary>Every validation attribute, with bounds the tests probe from both sides.</summary>
[Table]
public partial class Signup
{
    [Key] public int Id { get; set; }

    [Required, MaxLength(20)] public string Handle { get; set; } = "";

    /// <summary>Nullable in C#, NOT NULL in the table: [Required] decides.</summary>
    [Required] public string? Nickname { get; set; }

    [Range(18, 130)] public int? Age { get; set; }

    [Range(0.5, 99.5)] public double Score { get; set; }

    [Range(-5, 5)] public decimal Balance { get; set; }

    /// <summary>The upper bound is beyond what a byte holds: only the CHECK constraint mentions it.</summary>
    [Range(1, 300)] public byte Level { get; set; } = 1;

    [Pattern("[A-Z]{2}-[0-9]{4}")] public string? Code { get; set; }

    [Email, MaxLength(254)] public string Email { get; set; } = "";

    [Required(AllowEmptyStrings = true)] public string? Note { get; set; }
}
