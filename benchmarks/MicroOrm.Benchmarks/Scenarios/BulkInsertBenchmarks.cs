using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Dapper;
using MicroOrm.Benchmarks.Infrastructure;
using MicroOrm.Benchmarks.Models;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: load 100,000 posts. The baseline is the hand-written bulk load MySqlConnector documents (a DataTable
/// through MySqlBulkCopy); MicroOrm's BulkInsertAsync streams the same LOAD DATA from the objects through its
/// generated binder; its InsertManyAsync sends multi-row INSERTs; Dapper runs its Execute over the list (one INSERT per
/// row: its way of inserting many); EF Core runs SaveChanges over AddRange (its batched INSERTs). Each operation is one
/// invocation (a load takes seconds), with fewer iterations than the other scenarios, and the rows are deleted after
/// each. A quick run loads 2,000 rows: it only proves the scenario works.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1, 1)]
public class BulkInsertBenchmarks
{
    private static readonly DateTime Start = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private MySqlConnection _connection = null!;
    private BenchDb _db = null!;
    private EfContexts _ef = null!;
    private List<Post> _posts = null!;

    private static int Rows => BenchmarkSettings.Quick ? 2_000 : 100_000;

    [GlobalSetup]
    public void Setup()
    {
        _connection = new MySqlConnection(new MySqlConnectionStringBuilder(BenchmarkDatabase.ConnectionString) { AllowLoadLocalInfile = true }.ConnectionString);
        _connection.Open();
        _db = BenchDb.FromConnection(_connection);
        _ef = new EfContexts();
    }

    /// <summary>New objects for every operation: an insert fills in their keys, and a loaded object must not be loaded again.</summary>
    [IterationSetup]
    public void NewPosts() => _posts = Enumerable.Range(0, Rows).Select(i => BenchmarkDatabase.NewPost(0, Start.AddSeconds(i))).ToList();

    [IterationCleanup]
    public void DeletePosts()
    {
        using var delete = new MySqlCommand($"DELETE FROM posts WHERE id > {BenchmarkDatabase.Posts}", _connection);
        delete.ExecuteNonQuery();
        _ef.Context.ChangeTracker.Clear();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ef.Dispose();
        _connection.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenBulkCopy()
    {
        using var table = new DataTable();
        foreach (var column in PostSql.InsertColumns) table.Columns.Add(column, ColumnType(column));
        foreach (var post in _posts)
        {
            table.Rows.Add(post.Text, post.CreationDate, post.LastChangeDate, Db(post.Counter1), Db(post.Counter2), Db(post.Counter3), Db(post.Counter4), Db(post.Counter5),
                Db(post.Counter6), Db(post.Counter7), Db(post.Counter8), Db(post.Counter9));
        }

        var bulk = new MySqlBulkCopy(_connection) { DestinationTableName = "posts" };
        string[] columns = ["text", "creation_date", "last_change_date", "counter1", "counter2", "counter3", "counter4", "counter5", "counter6", "counter7", "counter8", "counter9"];
        for (var i = 0; i < columns.Length; i++) bulk.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, columns[i]));
        var result = await bulk.WriteToServerAsync(table);
        return result.RowsInserted;
    }

    [Benchmark]
    public Task<int> MicroOrmBulkInsert() => _db.Posts.BulkInsertAsync(_posts);

    [Benchmark]
    public Task<int> MicroOrmInsertMany() => _db.Posts.InsertManyAsync(_posts);

    [Benchmark]
    public Task<int> Dapper() => _connection.ExecuteAsync(PostSql.Insert, _posts);

    [Benchmark]
    public Task<int> EfCore()
    {
        _ef.Context.Posts.AddRange(_posts.Select(EfContexts.ToEf));
        return _ef.Context.SaveChangesAsync();
    }

    private static object Db(int? value) => value is { } number ? number : DBNull.Value;

    private static Type ColumnType(string column) => column switch
    {
        "Text" => typeof(string),
        "CreationDate" or "LastChangeDate" => typeof(DateTime),
        _ => typeof(int),
    };
}
