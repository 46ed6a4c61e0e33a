using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dapper;
using MicroOrm.Benchmarks.Infrastructure;
using MicroOrm.Benchmarks.Models;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: insert one post and learn its key; insert 1,000 posts in a batch. Each contender uses its own way of
/// batching: one multi-row INSERT by hand and in MicroOrm, Dapper's one statement per row (its Execute over a
/// list), EF Core's SaveChanges over AddRange. The rows inserted are deleted when the benchmark ends.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InsertBenchmarks
{
    private const int BatchSize = 1000;
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private MySqlConnection _connection = null!;
    private MySqlCommand _insertOne = null!;
    private MySqlCommand _insertBatch = null!;
    private BenchDb _db = null!;
    private EfContexts _ef = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _connection = BenchmarkDatabase.Open();
        _insertOne = new MySqlCommand(PostSql.Insert, _connection);
        AddParameters(_insertOne, "");
        var batch = new StringBuilder(PostSql.Insert.Substring(0, PostSql.Insert.IndexOf("VALUES", StringComparison.Ordinal))).Append("VALUES ");
        _insertBatch = new MySqlCommand { Connection = _connection };
        for (var row = 0; row < BatchSize; row++)
        {
            if (row > 0) batch.Append(", ");
            batch.Append('(').Append(string.Join(", ", PostSql.InsertColumns.Select(c => $"@{c}{row}"))).Append(')');
            AddParameters(_insertBatch, row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _insertBatch.CommandText = batch.ToString();
        _db = BenchDb.FromConnection(_connection);
        _ef = new EfContexts();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using (var delete = new MySqlCommand($"DELETE FROM posts WHERE id > {BenchmarkDatabase.Posts}", _connection)) delete.ExecuteNonQuery();
        _ef.Dispose();
        _connection.Dispose();
    }

    private Post NewPost() => BenchmarkDatabase.NewPost(0, Start.AddSeconds(++_next));

    private List<Post> NewPosts() => Enumerable.Range(0, BatchSize).Select(_ => NewPost()).ToList();

    [Benchmark(Baseline = true), BenchmarkCategory("one async")]
    public async Task<long> HandWritten()
    {
        Bind(_insertOne.Parameters, NewPost(), 0);
        await _insertOne.ExecuteNonQueryAsync();
        return _insertOne.LastInsertedId;
    }

    [Benchmark, BenchmarkCategory("one async")]
    public async Task<int> MicroOrm()
    {
        var post = NewPost();
        await _db.Posts.InsertAsync(post);
        return post.Id;
    }

    [Benchmark, BenchmarkCategory("one async")]
    public Task<int> Dapper() => _connection.ExecuteScalarAsync<int>(PostSql.InsertReturningId, NewPost());

    [Benchmark, BenchmarkCategory("one async")]
    public Task<int> DapperAot() => DapperAotQueries.InsertAsync(_connection, NewPost());

    [Benchmark, BenchmarkCategory("one async")]
    public async Task<int> EfCore()
    {
        var post = EfContexts.ToEf(NewPost());
        _ef.Context.Posts.Add(post);
        await _ef.Context.SaveChangesAsync();
        _ef.Context.ChangeTracker.Clear();
        return post.Id;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("1,000 async")]
    public async Task<int> HandWrittenBatch()
    {
        var posts = NewPosts();
        var parameters = _insertBatch.Parameters;
        for (var row = 0; row < posts.Count; row++) Bind(parameters, posts[row], row * PostSql.InsertColumns.Length);
        return await _insertBatch.ExecuteNonQueryAsync();
    }

    [Benchmark, BenchmarkCategory("1,000 async")]
    public Task<int> MicroOrmBatch() => _db.Posts.InsertManyAsync(NewPosts());

    [Benchmark, BenchmarkCategory("1,000 async")]
    public Task<int> DapperBatch() => _connection.ExecuteAsync(PostSql.Insert, NewPosts());

    [Benchmark, BenchmarkCategory("1,000 async")]
    public Task<int> DapperAotBatch() => DapperAotQueries.InsertEachAsync(_connection, NewPosts());

    [Benchmark, BenchmarkCategory("1,000 async")]
    public async Task<int> EfCoreBatch()
    {
        _ef.Context.Posts.AddRange(NewPosts().Select(EfContexts.ToEf));
        var rows = await _ef.Context.SaveChangesAsync();
        _ef.Context.ChangeTracker.Clear();
        return rows;
    }

    // The peers have no sync rows here; the sync baselines are there so that MicroOrm's sync rows compare like with like.
    [Benchmark(Baseline = true), BenchmarkCategory("one sync")]
    public long HandWrittenSync()
    {
        Bind(_insertOne.Parameters, NewPost(), 0);
        _insertOne.ExecuteNonQuery();
        return _insertOne.LastInsertedId;
    }

    [Benchmark, BenchmarkCategory("one sync")]
    public int MicroOrmSync()
    {
        var post = NewPost();
        _db.Posts.Insert(post);
        return post.Id;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("1,000 sync")]
    public int HandWrittenBatchSync()
    {
        var posts = NewPosts();
        var parameters = _insertBatch.Parameters;
        for (var row = 0; row < posts.Count; row++) Bind(parameters, posts[row], row * PostSql.InsertColumns.Length);
        return _insertBatch.ExecuteNonQuery();
    }

    [Benchmark, BenchmarkCategory("1,000 sync")]
    public int MicroOrmBatchSync() => _db.Posts.InsertMany(NewPosts());

    private static void AddParameters(MySqlCommand command, string suffix)
    {
        foreach (var column in PostSql.InsertColumns) command.Parameters.Add(new MySqlParameter("@" + column + suffix, null));
    }

    /// <summary>Sets one row's twelve parameters by position, from <paramref name="first"/> on.</summary>
    private static void Bind(MySqlParameterCollection p, Post post, int first)
    {
        p[first].Value = post.Text;
        p[first + 1].Value = post.CreationDate;
        p[first + 2].Value = post.LastChangeDate;
        p[first + 3].Value = post.Counter1;
        p[first + 4].Value = post.Counter2;
        p[first + 5].Value = post.Counter3;
        p[first + 6].Value = post.Counter4;
        p[first + 7].Value = post.Counter5;
        p[first + 8].Value = post.Counter6;
        p[first + 9].Value = post.Counter7;
        p[first + 10].Value = post.Counter8;
        p[first + 11].Value = post.Counter9;
    }
}
