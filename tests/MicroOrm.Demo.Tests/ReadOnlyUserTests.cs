using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using Xunit;

namespace MicroOrm.Demo.Tests;

/// <summary>
/// The demo's read tasks are written against the read-only view; run as a user with only SELECT rights, they print
/// what they print for the owner, and the write tasks are refused by the server, each with one clear line, leaving
/// the data as it was.
/// </summary>
public sealed class ReadOnlyUserTests(DemoServerFixture fixture)
{
    [Theory]
    [InlineData("select-states", null)]
    [InlineData("filter-states", null)]
    [InlineData("my-filter-states", "Arizona")]
    [InlineData("safe-filter-states", "Arizona'; TRUNCATE TABLE states ; SELECT * FROM states WHERE name = 'Arizona")]
    [InlineData("cities-by-state", null)]
    [InlineData("filter-cities", "California")]
    [InlineData("fetch-all", null)]
    [InlineData("fetch-first", null)]
    [InlineData("filter-a", null)]
    [InlineData("my-get", "Texas")]
    [InlineData("city-fetch-by-state", null)]
    [InlineData("relationship-states-cities", null)]
    [InlineData("relationship-cities-states", null)]
    public async Task A_read_task_runs_as_a_SELECT_only_user_and_prints_what_the_owner_sees(string task, string? argument)
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);
        await using var reader = await ReadOnlyUser.CreateAsync(fixture.Server, database.Name, TestContext.Current.CancellationToken);

        var asOwner = await RunAsync(task, argument, database.ConnectionString);
        var asReader = await RunAsync(task, argument, reader.ConnectionString);

        Assert.Equal((0, ""), (asReader.ExitCode, asReader.Errors));
        Assert.Equal(asOwner.Output, asReader.Output);
    }

    [Theory]
    [InlineData("model-state", "CREATE")]
    [InlineData("insert", "INSERT")]
    [InlineData("update-id-2", "UPDATE")]
    [InlineData("delete-a", "DELETE")]
    [InlineData("relationship-create", "INSERT")]
    public async Task A_write_task_is_refused_by_the_server_with_one_clear_line_and_changes_nothing(string task, string command)
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);
        await using var reader = await ReadOnlyUser.CreateAsync(fixture.Server, database.Name, TestContext.Current.CancellationToken);
        var before = await RunAsync("relationship-states-cities", null, database.ConnectionString);

        var result = await RunAsync(task, null, reader.ConnectionString);

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Single(result.Errors.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: The database user may not run this: " + command + " command denied to user", result.Errors, StringComparison.Ordinal);
        Assert.Contains("(server error 1142)", result.Errors, StringComparison.Ordinal);
        Assert.Equal(before.Output, (await RunAsync("relationship-states-cities", null, database.ConnectionString)).Output);
    }

    private static Task<DemoResult> RunAsync(string task, string? argument, string connectionString) =>
        argument is null
            ? DemoRunner.RunAsync(task, "--connection", connectionString)
            : DemoRunner.RunAsync(task, argument, "--connection", connectionString);
}
