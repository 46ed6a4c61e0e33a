using System;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

// One connection, one query, as a new process does it, with the library named by the argument.
var connectionString = Environment.GetEnvironmentVariable("MICROORM_BENCHMARK_CONNECTION_STRING")
    ?? throw new InvalidOperationException("MICROORM_BENCHMARK_CONNECTION_STRING is not set; the benchmark program sets it.");
Console.WriteLine(args.FirstOrDefault() switch
{
    "adonet" => await AdoNetAsync(connectionString),
    "dapper" => await DapperAsync(connectionString),
    "efcore" => await EfCoreAsync(connectionString),
    _ => throw new ArgumentException("usage: Peers.FirstCall adonet|dapper|efcore"),
});

static async Task<string?> AdoNetAsync(string connectionString)
{
    await using var connection = new MySqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new MySqlCommand("SELECT name FROM states WHERE id = @id", connection);
    command.Parameters.AddWithValue("@id", 1);
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync() ? reader.GetString(0) : null;
}

static async Task<string?> DapperAsync(string connectionString)
{
    await using var connection = new MySqlConnection(connectionString);
    var state = await connection.QueryFirstOrDefaultAsync<FirstCallState>("SELECT id AS Id, name AS Name FROM states WHERE id = @Id", new { Id = 1 });
    return state?.Name;
}

static async Task<string?> EfCoreAsync(string connectionString)
{
    var options = new DbContextOptionsBuilder<FirstCallContext>()
        .UseMySql(connectionString, ServerVersion.Create(new Version(10, 11, 0), Pomelo.EntityFrameworkCore.MySql.Infrastructure.ServerType.MariaDb))
        .Options;
    await using var db = new FirstCallContext(options);
    var state = await db.States.AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1);
    return state?.Name;
}

internal sealed class FirstCallState
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class FirstCallContext(DbContextOptions<FirstCallContext> options) : DbContext(options)
{
    public DbSet<FirstCallState> States => Set<FirstCallState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<FirstCallState>(state =>
        {
            state.ToTable("states");
            state.Property(s => s.Id).HasColumnName("id");
            state.Property(s => s.Name).HasColumnName("name");
        });
}
