using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Benchmarks.Models;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// EF Core the way its fastest users run it: one context on an open connection, no tracking, compiled queries (so no
/// LINQ translation per call).
/// </summary>
public sealed class EfContexts : IDisposable
{
    private static readonly ServerVersion Version = ServerVersion.Create(new System.Version(10, 11, 0), Pomelo.EntityFrameworkCore.MySql.Infrastructure.ServerType.MariaDb);

    public static readonly Func<EfBenchContext, int, Task<EfPost?>> PostByIdAsync =
        EF.CompileAsyncQuery((EfBenchContext db, int id) => db.Posts.AsNoTracking().FirstOrDefault(p => p.Id == id));

    public static readonly Func<EfBenchContext, int, EfPost?> PostById =
        EF.CompileQuery((EfBenchContext db, int id) => db.Posts.AsNoTracking().FirstOrDefault(p => p.Id == id));

    public static readonly Func<EfBenchContext, int, IAsyncEnumerable<EfPost>> PostsUpToAsync =
        EF.CompileAsyncQuery((EfBenchContext db, int count) => db.Posts.AsNoTracking().Where(p => p.Id <= count));

    public static readonly Func<EfBenchContext, int, IEnumerable<EfPost>> PostsUpTo =
        EF.CompileQuery((EfBenchContext db, int count) => db.Posts.AsNoTracking().Where(p => p.Id <= count));

    public static readonly Func<EfBenchContext, DateTime, DateTime, int, int, IAsyncEnumerable<EfPost>> PageAsync =
        EF.CompileAsyncQuery((EfBenchContext db, DateTime from, DateTime to, int skip, int take) =>
            db.Posts.AsNoTracking().Where(p => p.CreationDate >= from && p.LastChangeDate < to).OrderByDescending(p => p.CreationDate).ThenBy(p => p.Id).Skip(skip).Take(take));

    public static readonly Func<EfBenchContext, IAsyncEnumerable<EfState>> StatesWithCitiesAsync =
        EF.CompileAsyncQuery<EfBenchContext, EfState>((EfBenchContext db) => db.States.AsNoTracking().Include(s => s.Cities).OrderBy(s => s.Id));

    private readonly MySqlConnection _connection;

    public EfContexts()
    {
        // Pomelo insists on these two options in the connection string of a connection it is given.
        _connection = new MySqlConnection(BenchmarkDatabase.ConnectionString + ";AllowUserVariables=True;UseAffectedRows=False");
        _connection.Open();
        var options = new DbContextOptionsBuilder<EfBenchContext>().UseMySql(_connection, Version).Options;
        Context = new EfBenchContext(options);
    }

    public EfBenchContext Context { get; }

    /// <summary>The same post as EF Core's entity (its key left for the server).</summary>
    public static EfPost ToEf(Post post) => new()
    {
        Text = post.Text,
        CreationDate = post.CreationDate,
        LastChangeDate = post.LastChangeDate,
        Counter1 = post.Counter1,
        Counter2 = post.Counter2,
        Counter3 = post.Counter3,
        Counter4 = post.Counter4,
        Counter5 = post.Counter5,
        Counter6 = post.Counter6,
        Counter7 = post.Counter7,
        Counter8 = post.Counter8,
        Counter9 = post.Counter9,
    };

    public void Dispose()
    {
        Context.Dispose();
        _connection.Dispose();
    }
}
