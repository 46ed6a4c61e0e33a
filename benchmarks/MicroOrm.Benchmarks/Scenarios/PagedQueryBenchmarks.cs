using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dapper;
using MicroOrm.Benchmarks.Infrastructure;
using MicroOrm.Benchmarks.Models;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: a filtered, ordered, paged query, the kind an API endpoint builds from its parameters: two range
/// filters, a two-column order, page 3 of 20. MicroOrm builds it through its typed builder on every call.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PagedQueryBenchmarks
{
    private const string Sql =
        "SELECT " + PostSql.Columns + " FROM posts WHERE creation_date >= @From AND last_change_date < @To ORDER BY creation_date DESC, id LIMIT @Take OFFSET @Skip";

    private const int PageSize = 20;
    private const int Skip = 40;
    private static readonly DateTime From = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private MySqlConnection _connection = null!;
    private MySqlCommand _command = null!;
    private BenchDb _db = null!;
    private EfContexts _ef = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connection = BenchmarkDatabase.Open();
        _command = new MySqlCommand(Sql, _connection);
        _command.Parameters.AddWithValue("@From", From);
        _command.Parameters.AddWithValue("@To", To);
        _command.Parameters.AddWithValue("@Take", PageSize);
        _command.Parameters.AddWithValue("@Skip", Skip);
        _db = BenchDb.FromConnection(_connection);
        _ef = new EfContexts();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ef.Dispose();
        _connection.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("async")]
    public async Task<List<Post>> HandWritten()
    {
        var posts = new List<Post>(PageSize);
        await using var reader = await _command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) posts.Add(PostSql.Read(reader));
        return posts;
    }

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<Post>> MicroOrm() => _db.Posts
        .Where(p => p.CreationDate >= From && p.LastChangeDate < To)
        .OrderByDescending(p => p.CreationDate)
        .ThenBy(p => p.Id)
        .Skip(Skip)
        .Take(PageSize)
        .ToListAsync();

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<Post>> MicroOrmRaw() => _db.QueryAsync<Post>(
        $"SELECT id, text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9 FROM posts WHERE creation_date >= {From} AND last_change_date < {To} ORDER BY creation_date DESC, id LIMIT {PageSize} OFFSET {Skip}");

    [Benchmark, BenchmarkCategory("async")]
    public async Task<List<Post>> Dapper() => (await _connection.QueryAsync<Post>(Sql, new { From, To, Take = PageSize, Skip })).AsList();

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<Post>> DapperAot() => DapperAotQueries.PageAsync(_connection, Sql, From, To, PageSize, Skip);

    [Benchmark, BenchmarkCategory("async")]
    public async Task<List<EfPost>> EfCore()
    {
        var posts = new List<EfPost>(PageSize);
        await foreach (var post in EfContexts.PageAsync(_ef.Context, From, To, Skip, PageSize)) posts.Add(post);
        return posts;
    }

    // The peers have no sync rows here; the sync baseline is there so that MicroOrm's sync rows compare like with like.
    [Benchmark(Baseline = true), BenchmarkCategory("sync")]
    public List<Post> HandWrittenSync()
    {
        var posts = new List<Post>(PageSize);
        using var reader = _command.ExecuteReader();
        while (reader.Read()) posts.Add(PostSql.Read(reader));
        return posts;
    }

    [Benchmark, BenchmarkCategory("sync")]
    public List<Post> MicroOrmSync() => _db.Posts
        .Where(p => p.CreationDate >= From && p.LastChangeDate < To)
        .OrderByDescending(p => p.CreationDate)
        .ThenBy(p => p.Id)
        .Skip(Skip)
        .Take(PageSize)
        .ToList();

    [Benchmark, BenchmarkCategory("sync")]
    public List<Post> MicroOrmRawSync() => _db.Query<Post>(
        $"SELECT id, text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9 FROM posts WHERE creation_date >= {From} AND last_change_date < {To} ORDER BY creation_date DESC, id LIMIT {PageSize} OFFSET {Skip}");
}
