using System.Collections.Generic;

namespace MicroOrm.Demo.Models;

/// <summary>
/// A state of the reference project's <c>states</c> table (id, name), and no other column. The model declares
/// <c>VARCHAR(128)</c>, which is what <c>model-state</c> creates; the reference schema's <c>VARCHAR(256)</c> reads the same.
/// </summary>
[Table("states")]
public partial class State
{
    [Key] public int Id { get; set; }
    [MaxLength(128)] public string Name { get; set; } = "";
    [HasMany] public List<City> Cities { get; set; } = [];
}
