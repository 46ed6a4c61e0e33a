using System;
using System.Collections.Generic;

namespace MicroOrm.Tests.Models;

/// <summary>A tenant's project: it belongs to a tenant, is soft-deleted by time, carries a version, and has tasks.</summary>
[Table]
public partial class Project
{
    [Key] public long Id { get; set; }
    [TenantKey] public int TenantId { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    [SoftDelete] public DateTime? DeletedAt { get; set; }
    [ConcurrencyToken] public int Version { get; set; }
    [HasMany] public List<ProjectTask> Tasks { get; set; } = [];
}

/// <summary>A project's task: the same tenant key, soft-deleted by a flag.</summary>
[Table]
public partial class ProjectTask
{
    [Key] public long Id { get; set; }
    [TenantKey] public int TenantId { get; set; }
    [ForeignKey(typeof(Project), OnDelete = ReferentialAction.Cascade)] public long ProjectId { get; set; }
    [MaxLength(100)] public string Title { get; set; } = "";
    [SoftDelete] public bool IsDeleted { get; set; }
    [BelongsTo] public Project? Project { get; set; }
}

/// <summary>A label with a natural key shared by every tenant's key space: the case an upsert must not cross.</summary>
[Table]
public partial class TenantLabel
{
    [Key, MaxLength(40)] public string Code { get; set; } = "";
    [TenantKey] public int TenantId { get; set; }
    [MaxLength(100)] public string Text { get; set; } = "";
}
