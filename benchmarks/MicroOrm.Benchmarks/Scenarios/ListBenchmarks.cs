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
/// Scenario 2: lists of posts materialized into objects, one query each. The sizes live in the two classes below, so
/// that the headline sizes (10 and 1,000) can get more launches than the others.
/// </summary>
public abstract class ListBenchmarks
{
    private MySqlConnection _connection = null!;
    private MySqlCommand _command = null!;
    private MySqlParameter _count = null!;
    private BenchDb _db = null!;
    private EfContexts _ef = null!;

    public abstract int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _connection = BenchmarkDatabase.Open();
        _command = new MySqlCommand(PostSql.UpToId, _connection);
        _count = _command.Parameters.Add("@Count", MySqlDbType.Int32);
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
        _count.Value = Count;
        var posts = new List<Post>(Count);
        await using var reader = await _command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) posts.Add(PostSql.Read(reader));
        return posts;
    }

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<Post>> MicroOrm() => _db.Posts.Where(p => p.Id <= Count).ToListAsync();

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<Post>> MicroOrmRaw() =>
        _db.QueryAsync<Post>($"SELECT id, text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9 FROM posts WHERE id <= {Count}");

    [Benchmark, BenchmarkCategory("async")]
    public async Task<List<Post>> Dapper() => (await _connection.QueryAsync<Post>(PostSql.UpToId, new { Count })).AsList();

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<Post>> DapperAot() => DapperAotQueries.PostsUpToAsync(_connection, Count);

    [Benchmark, BenchmarkCategory("async")]
    public async Task<List<EfPost>> EfCore()
    {
        var posts = new List<EfPost>(Count);
        await foreach (var post in EfContexts.PostsUpToAsync(_ef.Context, Count)) posts.Add(post);
        return posts;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("sync")]
    public List<Post> HandWrittenSync()
    {
        _count.Value = Count;
        var posts = new List<Post>(Count);
        using var reader = _command.ExecuteReader();
        while (reader.Read()) posts.Add(PostSql.Read(reader));
        return posts;
    }

    [Benchmark, BenchmarkCategory("sync")]
    public List<Post> MicroOrmSync() => _db.Posts.Where(p => p.Id <= Count).ToList();

    [Benchmark, BenchmarkCategory("sync")]
    public List<Post> MicroOrmRawSync() =>
        _db.Query<Post>($"SELECT id, text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9 FROM posts WHERE id <= {Count}");

    [Benchmark, BenchmarkCategory("sync")]
    public List<Post> DapperSync() => _connection.Query<Post>(PostSql.UpToId, new { Count }).AsList();

    [Benchmark, BenchmarkCategory("sync")]
    public List<Post> DapperAotSync() => DapperAotQueries.PostsUpTo(_connection, Count);

    [Benchmark, BenchmarkCategory("sync")]
    public List<EfPost> EfCoreSync() => new(EfContexts.PostsUpTo(_ef.Context, Count));
}

/// <summary>Lists of 10 and 1,000 posts: headline rows, measured over three launches.</summary>
[Headline]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class HeadlineListBenchmarks : ListBenchmarks
{
    [Params(10, 1000)]
    public override int Count { get; set; }
}

/// <summary>Lists of 1 and 100 posts, one launch.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class OtherListBenchmarks : ListBenchmarks
{
    [Params(1, 100)]
    public override int Count { get; set; }
}
