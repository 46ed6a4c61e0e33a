using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using MicroOrm.Benchmarks.Models;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// The Dapper calls Dapper.AOT replaces with generated code at build time ([DapperAot]); every other Dapper call in the
/// benchmarks stays plain Dapper.
/// </summary>
[DapperAot]
public static class DapperAotQueries
{
    public static Task<Post?> PostByIdAsync(MySqlConnection connection, int id) =>
        connection.QueryFirstOrDefaultAsync<Post>(PostSql.ById, new { Id = id });

    public static Post? PostById(MySqlConnection connection, int id) =>
        connection.QueryFirstOrDefault<Post>(PostSql.ById, new { Id = id });

    public static async Task<List<Post>> PostsUpToAsync(MySqlConnection connection, int count) =>
        (await connection.QueryAsync<Post>(PostSql.UpToId, new { Count = count })).AsList();

    public static List<Post> PostsUpTo(MySqlConnection connection, int count) =>
        connection.Query<Post>(PostSql.UpToId, new { Count = count }).AsList();

    public static async Task<List<Post>> PageAsync(MySqlConnection connection, string sql, System.DateTime from, System.DateTime to, int take, int skip) =>
        (await connection.QueryAsync<Post>(sql, new { From = from, To = to, Take = take, Skip = skip })).AsList();

    public static Task<int> InsertAsync(MySqlConnection connection, Post post) =>
        connection.ExecuteScalarAsync<int>(PostSql.InsertReturningId, post);

    public static Task<int> InsertEachAsync(MySqlConnection connection, List<Post> posts) =>
        connection.ExecuteAsync(PostSql.Insert, posts);
}
