using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace MicroOrm.Benchmarks.Models;

/// <summary>EF Core's view of the posts table (EF needs its own classes and configuration).</summary>
public sealed class EfPost
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
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

public sealed class EfState
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<EfCity> Cities { get; set; } = [];
}

public sealed class EfCity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int StateId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public EfState? State { get; set; }
}

/// <summary>The benchmark tables mapped for EF Core with Pomelo, snake_case as MicroOrm created them.</summary>
public sealed class EfBenchContext(DbContextOptions<EfBenchContext> options) : DbContext(options)
{
    public DbSet<EfPost> Posts => Set<EfPost>();

    public DbSet<EfState> States => Set<EfState>();

    public DbSet<EfCity> Cities => Set<EfCity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EfPost>(post =>
        {
            post.ToTable("posts");
            post.Property(p => p.Id).HasColumnName("id");
            post.Property(p => p.Text).HasColumnName("text");
            post.Property(p => p.CreationDate).HasColumnName("creation_date");
            post.Property(p => p.LastChangeDate).HasColumnName("last_change_date");
            post.Property(p => p.Counter1).HasColumnName("counter1");
            post.Property(p => p.Counter2).HasColumnName("counter2");
            post.Property(p => p.Counter3).HasColumnName("counter3");
            post.Property(p => p.Counter4).HasColumnName("counter4");
            post.Property(p => p.Counter5).HasColumnName("counter5");
            post.Property(p => p.Counter6).HasColumnName("counter6");
            post.Property(p => p.Counter7).HasColumnName("counter7");
            post.Property(p => p.Counter8).HasColumnName("counter8");
            post.Property(p => p.Counter9).HasColumnName("counter9");
        });
        modelBuilder.Entity<EfState>(state =>
        {
            state.ToTable("states");
            state.Property(s => s.Id).HasColumnName("id");
            state.Property(s => s.Name).HasColumnName("name");
            state.Property(s => s.CreatedAt).HasColumnName("created_at");
            state.Property(s => s.UpdatedAt).HasColumnName("updated_at");
            state.HasMany(s => s.Cities).WithOne(c => c.State).HasForeignKey(c => c.StateId);
        });
        modelBuilder.Entity<EfCity>(city =>
        {
            city.ToTable("cities");
            city.Property(c => c.Id).HasColumnName("id");
            city.Property(c => c.Name).HasColumnName("name");
            city.Property(c => c.StateId).HasColumnName("state_id");
            city.Property(c => c.CreatedAt).HasColumnName("created_at");
            city.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        });
    }
}
