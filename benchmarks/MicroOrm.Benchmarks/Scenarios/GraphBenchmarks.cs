using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dapper;
using MicroOrm.Benchmarks.Infrastructure;
using MicroOrm.Benchmarks.Models;
using MicroOrm.ReferenceModels;
using MySqlConnector;

namespace MicroOrm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: 1,000 states with their 10 cities each, loaded as a graph (each city in its state's list, each city
/// pointing back at its state). By hand: one JOIN, folded row by row. MicroOrm: Include, as one joined query and as
/// its default split query (one query per level). Dapper: multi-mapping with a dictionary. EF Core: a compiled
/// no-tracking Include. Dapper.AOT has no multi-mapping, so it sits this one out.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GraphBenchmarks
{
    private const string Joined =
        "SELECT s.id, s.name, s.created_at, s.updated_at, c.id, c.name, c.state_id, c.created_at, c.updated_at " +
        "FROM states s JOIN cities c ON c.state_id = s.id ORDER BY s.id, c.id";

    private const string DapperJoined =
        "SELECT s.id AS Id, s.name AS Name, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt, " +
        "c.id AS Id, c.name AS Name, c.state_id AS StateId, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt " +
        "FROM states s JOIN cities c ON c.state_id = s.id ORDER BY s.id, c.id";

    private MySqlConnection _connection = null!;
    private MySqlCommand _command = null!;
    private AppDb _db = null!;
    private EfContexts _ef = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connection = BenchmarkDatabase.Open();
        _command = new MySqlCommand(Joined, _connection);
        _db = AppDb.FromConnection(_connection);
        _ef = new EfContexts();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ef.Dispose();
        _connection.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("async")]
    public async Task<List<State>> HandWritten()
    {
        var states = new List<State>(BenchmarkDatabase.States);
        State? current = null;
        await using var reader = await _command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var stateId = reader.GetInt32(0);
            if (current is null || current.Id != stateId)
            {
                current = new State { Id = stateId, Name = reader.GetString(1), CreatedAt = reader.GetDateTime(2), UpdatedAt = reader.GetDateTime(3), Cities = new List<City>(BenchmarkDatabase.CitiesPerState) };
                states.Add(current);
            }

            current.Cities.Add(new City { Id = reader.GetInt32(4), Name = reader.GetString(5), StateId = reader.GetInt32(6), CreatedAt = reader.GetDateTime(7), UpdatedAt = reader.GetDateTime(8), State = current });
        }

        return states;
    }

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<State>> MicroOrmJoined() => _db.States.Include(s => s.Cities).AsSingleQuery().OrderBy(s => s.Id).ToListAsync();

    [Benchmark, BenchmarkCategory("async")]
    public Task<List<State>> MicroOrmSplit() => _db.States.Include(s => s.Cities).OrderBy(s => s.Id).ToListAsync();

    [Benchmark, BenchmarkCategory("async")]
    public async Task<List<State>> Dapper()
    {
        var byId = new Dictionary<int, State>(BenchmarkDatabase.States);
        await _connection.QueryAsync<State, City, State>(DapperJoined, (state, city) =>
        {
            if (!byId.TryGetValue(state.Id, out var known))
            {
                known = state;
                byId.Add(state.Id, state);
            }

            city.State = known;
            known.Cities.Add(city);
            return known;
        }, splitOn: "Id");
        return byId.Values.ToList();
    }

    [Benchmark, BenchmarkCategory("async")]
    public async Task<List<EfState>> EfCore()
    {
        var states = new List<EfState>(BenchmarkDatabase.States);
        await foreach (var state in EfContexts.StatesWithCitiesAsync(_ef.Context)) states.Add(state);
        return states;
    }

    // The peers' sync rows are left out here; the sync baseline is there so that MicroOrm's sync rows compare like with like.
    [Benchmark(Baseline = true), BenchmarkCategory("sync")]
    public List<State> HandWrittenSync()
    {
        var states = new List<State>(BenchmarkDatabase.States);
        State? current = null;
        using var reader = _command.ExecuteReader();
        while (reader.Read())
        {
            var stateId = reader.GetInt32(0);
            if (current is null || current.Id != stateId)
            {
                current = new State { Id = stateId, Name = reader.GetString(1), CreatedAt = reader.GetDateTime(2), UpdatedAt = reader.GetDateTime(3), Cities = new List<City>(BenchmarkDatabase.CitiesPerState) };
                states.Add(current);
            }

            current.Cities.Add(new City { Id = reader.GetInt32(4), Name = reader.GetString(5), StateId = reader.GetInt32(6), CreatedAt = reader.GetDateTime(7), UpdatedAt = reader.GetDateTime(8), State = current });
        }

        return states;
    }

    [Benchmark, BenchmarkCategory("sync")]
    public List<State> MicroOrmJoinedSync() => _db.States.Include(s => s.Cities).AsSingleQuery().OrderBy(s => s.Id).ToList();

    [Benchmark, BenchmarkCategory("sync")]
    public List<State> MicroOrmSplitSync() => _db.States.Include(s => s.Cities).OrderBy(s => s.Id).ToList();
}
