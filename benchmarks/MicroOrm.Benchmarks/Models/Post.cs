using System;

namespace MicroOrm.Benchmarks.Models;

/// <summary>
/// The row of the classic micro-ORM benchmark, shaped like Dapper's own performance suite: an int key, a text column,
/// two datetimes and nine nullable int counters.
/// </summary>
[Table("posts")]
public partial class Post
{
    [Key] public int Id { get; set; }
    [MaxLength(2000)] public string Text { get; set; } = "";
    public DateTime CreationDate { get; set; }
    public DateTime LastChangeDate { get; set; }
    public int? Counter1 { get; set; }
    public int? Counter2 { get; set; }
    public int? Counter3 { get; set; }
    public int? Counter4 { get; set; }
    public int? Counter5 { get; set; }
    public int? Counter6 { get; set; }
    public int? Counter7 { get; set; }
    public int? Counter8 { get; set; }
    public int? Counter9 { get; set; }
}

/// <summary>The benchmark's own table; the graph scenario uses the reference models' AppDb.</summary>
[Database(typeof(Post))]
public partial class BenchDb
{
}
