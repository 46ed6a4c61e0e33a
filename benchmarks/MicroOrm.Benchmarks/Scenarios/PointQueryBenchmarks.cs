using System.Data;
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
/// Scenario 1: one post fetched by its key per operation, the id cycling through all 5,000. The hand-written baseline
/// reuses one command and reads by ordinal; a prepared command (binary protocol) measured 1.2x slower here, so the
/// baseline uses the text protocol, as every other contender does. A headline scenario: three launches.
/// </summary>
[Headline]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PointQueryBenchmarks
{
    private MySqlConnection _connection = null!;
    private MySqlCommand _command = null!;
    private MySqlParameter _id = null!;
    private BenchDb _db = null!;
    private EfContexts _ef = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = false;
        _connection = BenchmarkDatabase.Open();
        _command = new MySqlCommand(PostSql.ById, _connection);
        _id = _command.Parameters.Add("@Id", MySqlDbType.Int32);
        _db = BenchDb.FromConnection(_connection);
        _ef = new EfContexts();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ef.Dispose();
        _connection.Dispose();
    }

    private int NextId() => _next = _next % BenchmarkDatabase.Posts + 1;

    [Benchmark(Baseline = true), BenchmarkCategory("async")]
    public async Task<Post?> HandWritten()
    {
        _id.Value = NextId();
        await using var reader = await _command.ExecuteReaderAsync(CommandBehavior.SingleRow);
        return await reader.ReadAsync() ? PostSql.Read(reader) : null;
    }

    [Benchmark, BenchmarkCategory("async")]
    public Task<Post?> MicroOrm() => _db.Posts.FindAsync(NextId());

    [Benchmark, BenchmarkCategory("async")]
    public Task<Post?> MicroOrmRaw()
    {
        var id = NextId();
        return _db.QueryFirstOrDefaultAsync<Post>($"SELECT id, text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9 FROM posts WHERE id = {id}");
    }

    [Benchmark, BenchmarkCategory("async")]
    public Task<Post?> Dapper() => _connection.QueryFirstOrDefaultAsync<Post>(PostSql.ById, new { Id = NextId() });

    [Benchmark, BenchmarkCategory("async")]
    public Task<Post?> DapperAot() => DapperAotQueries.PostByIdAsync(_connection, NextId());

    [Benchmark, BenchmarkCategory("async")]
    public Task<EfPost?> EfCore() => EfContexts.PostByIdAsync(_ef.Context, NextId());

    [Benchmark(Baseline = true), BenchmarkCategory("sync")]
    public Post? HandWrittenSync()
    {
        _id.Value = NextId();
        using var reader = _command.ExecuteReader(CommandBehavior.SingleRow);
        return reader.Read() ? PostSql.Read(reader) : null;
    }

    [Benchmark, BenchmarkCategory("sync")]
    public Post? MicroOrmSync() => _db.Posts.Find(NextId());

    [Benchmark, BenchmarkCategory("sync")]
    public Post? MicroOrmRawSync()
    {
        var id = NextId();
        return _db.QueryFirstOrDefault<Post>($"SELECT id, text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9 FROM posts WHERE id = {id}");
    }

    [Benchmark, BenchmarkCategory("sync")]
    public Post? DapperSync() => _connection.QueryFirstOrDefault<Post>(PostSql.ById, new { Id = NextId() });

    [Benchmark, BenchmarkCategory("sync")]
    public Post? DapperAotSync() => DapperAotQueries.PostById(_connection, NextId());

    [Benchmark, BenchmarkCategory("sync")]
    public EfPost? EfCoreSync() => EfContexts.PostById(_ef.Context, NextId());
}
