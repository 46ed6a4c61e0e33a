using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Demo.Tests;

/// <summary>Bad input prints the usage and exits 2; an unreachable or refusing server prints one line and exits 1.</summary>
public sealed class CommandLineTests(DemoServerFixture fixture)
{
    [Theory]
    [InlineData]
    [InlineData("my-filter-states")]
    [InlineData("fetch-all", "extra")]
    [InlineData("my-get", "a", "b")]
    [InlineData("no-such-task")]
    [InlineData("fetch-all", "--no-such-option")]
    [InlineData("fetch-all", "--connection")]
    [InlineData("tour", "one")]
    public async Task Missing_or_extra_arguments_print_the_usage_and_exit_2(params string[] arguments)
    {
        var result = await DemoRunner.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("error: ", result.Errors, StringComparison.Ordinal);
        Assert.Contains("usage: microorm-demo", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_with_every_task_and_says_the_filter_cannot_be_injected()
    {
        var result = await DemoRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cannot be injected", result.Output, StringComparison.Ordinal);
        Assert.Contains("relationship-cities-states", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-get", "NAME: the reference scripts' server on localhost:3306 (optional), then NAME")]
    [InlineData("fetch-all", "[<mysql user> <mysql password> <database>]: the reference scripts' server on localhost:3306 (optional)")]
    [InlineData("tour", "every task in order, with a heading each")]
    public async Task Every_task_has_its_own_generated_help(string task, string expected)
    {
        var result = await DemoRunner.RunAsync(task, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"microorm-demo {task} [<arguments>...] [options]", result.Output, StringComparison.Ordinal);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.Contains("--connection <CS>", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_naming_the_problem_and_exit_1()
    {
        var wrong = new MySqlConnectionStringBuilder(fixture.Server.ConnectionString) { UserID = "root", Password = "definitely-wrong" }.ConnectionString;
        var result = await DemoRunner.RunAsync("fetch-all", "--connection", wrong);

        AssertOneLineError(result, "Access denied");
        Assert.Contains("Check the user and password", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("definitely-wrong", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_is_one_line_and_exit_1()
    {
        var missing = new MySqlConnectionStringBuilder(fixture.Server.ConnectionString) { Database = "no_such_database_here" }.ConnectionString;
        var result = await DemoRunner.RunAsync("fetch-all", "--connection", missing);

        AssertOneLineError(result, "no_such_database_here");
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_and_exit_1()
    {
        var result = await DemoRunner.RunAsync("fetch-all", "--connection", "Server=127.0.0.1;Port=1;User ID=root;Connection Timeout=3");

        AssertOneLineError(result, "Unable to connect");
        Assert.Contains("127.0.0.1:1", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_scripts_three_server_arguments_are_accepted()
    {
        // user, password and database on localhost:3306, as the reference scripts take them: whatever answers there,
        // the arguments parse (no usage error), and any connection problem is one line.
        var result = await DemoRunner.RunAsync("fetch-all", "nobody", "nothing", "nowhere");

        Assert.NotEqual(2, result.ExitCode);
        if (result.ExitCode != 0) AssertOneLineError(result, "");
    }

    [Fact]
    public async Task Verbose_shows_the_stack_trace()
    {
        var result = await DemoRunner.RunAsync("fetch-all", "--verbose", "--connection", "Server=127.0.0.1;Port=1;Connection Timeout=3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("   at ", result.Errors, StringComparison.Ordinal);
    }

    private static void AssertOneLineError(DemoResult result, string mention)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Single(result.Errors.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", result.Errors, StringComparison.Ordinal);
        Assert.Contains(mention, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }
}

/// <summary>With no server given the demo starts, seeds and removes its own; --keep leaves it running.</summary>
public sealed class ThrowawayTests
{
    private static readonly string ExpectedTour = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "tour.txt"));

    [Fact]
    public async Task The_tour_runs_on_a_throwaway_server_that_is_gone_afterwards()
    {
        var result = await DemoRunner.RunAsync("tour", "--verbose");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ExpectedTour, result.Output);
        var folder = ServerFolder(result.Errors);
        Assert.False(Directory.Exists(folder), $"{folder} is still there");
    }

    [Fact]
    public async Task Keep_leaves_the_server_running_with_its_connection_string()
    {
        var result = await DemoRunner.RunAsync("fetch-first", "--keep", "--verbose");
        var folder = ServerFolder(result.Errors);
        var connectionString = result.Errors.Split('\n').Single(l => l.StartsWith("connection string: ", StringComparison.Ordinal))["connection string: ".Length..];
        var pid = int.Parse(result.Errors.Split("kill ")[1].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Assert.Equal((0, "1: California\n"), (result.ExitCode, result.Output));
            await using var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new MySqlCommand("SELECT COUNT(*) FROM states", connection);
            Assert.Equal(5L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            using var server = Process.GetProcessById(pid);
            server.Kill();
        }

        var clock = Stopwatch.StartNew();
        while (Directory.Exists(folder) && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(folder), $"{folder} outlived its server");
    }

    private static string ServerFolder(string errors) =>
        errors.Split('\n').Single(l => l.StartsWith("-- server: ", StringComparison.Ordinal)).Split(" in ")[^1].Trim();
}
