using System;

namespace MicroOrm.Tests.Models;

/// <summary>A [TrackChanges] entity: its updated columns are partial properties, so an update sends only what was assigned.</summary>
[Table, TrackChanges]
public partial class Article
{
    [Key] public long Id { get; set; }
    [MaxLength(200)] public partial string Title { get; set; }
    [MaxLength(2000)] public partial string Body { get; set; }
    public partial int Views { get; set; }
    [UpdatedAt] public partial DateTime UpdatedAt { get; set; }
    [ConcurrencyToken] public int Version { get; set; }
}
