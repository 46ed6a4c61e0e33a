using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Dapper;
using MicroOrm.Benchmarks.Infrastructure;
using MicroOrm.Benchmarks.Models;
using MicroOrm.Mapping;

namespace MicroOrm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: 10,000 posts materialized from an in-memory reader, no server: the mappers' own cost. The allocations
/// to beat are the list and the 10,000 posts (the strings are the reader's own). Dapper.AOT and EF Core offer no way to
/// map a reader they did not open themselves, so they sit this one out.
/// </summary>
public class MaterializationBenchmarks
{
    private const int Rows = 10_000;
    private InMemoryPostReader _reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _reader = new InMemoryPostReader(Enumerable.Range(1, Rows).Select(i => BenchmarkDatabase.NewPost(i, start)).ToArray());
        DefaultTypeMap.MatchNamesWithUnderscores = false;
    }

    [Benchmark(Baseline = true)]
    public List<Post> HandWritten()
    {
        _reader.Reset();
        var posts = new List<Post>(Rows);
        while (_reader.Read()) posts.Add(PostSql.Read(_reader));
        return posts;
    }

    [Benchmark]
    public List<Post> MicroOrm()
    {
        _reader.Reset();
        return Materialize<Post>(_reader, Rows);
    }

    [Benchmark]
    public List<Post> Dapper()
    {
        _reader.Reset();
        var posts = new List<Post>(Rows);
        posts.AddRange(_reader.Parse<Post>());
        return posts;
    }

    /// <summary>What MicroOrm does with a result set: the generated reader, resolved once for the reader's columns, then one call per row.</summary>
    private static List<T> Materialize<T>(System.Data.Common.DbDataReader reader, int capacity)
        where T : IRow<T>
    {
        var rows = T.CreateReader(reader);
        var list = new List<T>(capacity);
        while (reader.Read()) list.Add(rows.Read(reader));
        return list;
    }
}
