using System;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Demo.Tests;

/// <summary>Each subcommand, run as the built program on the reference data set, its whole output compared byte for byte.</summary>
public sealed class TaskTests(DemoServerFixture fixture)
{
    private const string AllStates = "(1, 'California')\n(2, 'Arizona')\n(3, 'Texas')\n(4, 'New York')\n(5, 'Nevada')\n";
    private const string AllCities =
        "(1, 'San Francisco', 'California')\n(2, 'San Jose', 'California')\n(3, 'Los Angeles', 'California')\n(4, 'Fremont', 'California')\n" +
        "(5, 'Livermore', 'California')\n(6, 'Page', 'Arizona')\n(7, 'Phoenix', 'Arizona')\n(8, 'Dallas', 'Texas')\n(9, 'Houston', 'Texas')\n" +
        "(10, 'Austin', 'Texas')\n(11, 'New York', 'New York')\n(12, 'Las Vegas', 'Nevada')\n(13, 'Reno', 'Nevada')\n(14, 'Henderson', 'Nevada')\n" +
        "(15, 'Carson City', 'Nevada')\n";

    [Theory]
    [InlineData("select-states", null, AllStates)]
    [InlineData("filter-states", null, "(4, 'New York')\n(5, 'Nevada')\n")]
    [InlineData("my-filter-states", "Arizona", "(2, 'Arizona')\n")]
    [InlineData("my-filter-states", "arizona", "(2, 'Arizona')\n")]
    [InlineData("safe-filter-states", "Texas", "(3, 'Texas')\n")]
    [InlineData("cities-by-state", null, AllCities)]
    [InlineData("filter-cities", "California", "San Francisco, San Jose, Los Angeles, Fremont, Livermore\n")]
    [InlineData("filter-cities", "Nowhere", "\n")]
    [InlineData("fetch-all", null, "1: California\n2: Arizona\n3: Texas\n4: New York\n5: Nevada\n")]
    [InlineData("fetch-first", null, "1: California\n")]
    [InlineData("filter-a", null, "1: California\n2: Arizona\n3: Texas\n5: Nevada\n")]
    [InlineData("my-get", "Texas", "3\n")]
    [InlineData("my-get", "Nowhere", "Not found\n")]
    [InlineData("insert", null, "6\n")]
    [InlineData("city-fetch-by-state", null,
        "California: (1) San Francisco\nCalifornia: (2) San Jose\nCalifornia: (3) Los Angeles\nCalifornia: (4) Fremont\nCalifornia: (5) Livermore\n" +
        "Arizona: (6) Page\nArizona: (7) Phoenix\nTexas: (8) Dallas\nTexas: (9) Houston\nTexas: (10) Austin\nNew York: (11) New York\n" +
        "Nevada: (12) Las Vegas\nNevada: (13) Reno\nNevada: (14) Henderson\nNevada: (15) Carson City\n")]
    [InlineData("relationship-states-cities", null,
        "1: California\n\t1: San Francisco\n\t2: San Jose\n\t3: Los Angeles\n\t4: Fremont\n\t5: Livermore\n2: Arizona\n\t6: Page\n\t7: Phoenix\n" +
        "3: Texas\n\t8: Dallas\n\t9: Houston\n\t10: Austin\n4: New York\n\t11: New York\n5: Nevada\n\t12: Las Vegas\n\t13: Reno\n\t14: Henderson\n\t15: Carson City\n")]
    [InlineData("relationship-cities-states", null,
        "1: San Francisco -> California\n2: San Jose -> California\n3: Los Angeles -> California\n4: Fremont -> California\n5: Livermore -> California\n" +
        "6: Page -> Arizona\n7: Phoenix -> Arizona\n8: Dallas -> Texas\n9: Houston -> Texas\n10: Austin -> Texas\n11: New York -> New York\n" +
        "12: Las Vegas -> Nevada\n13: Reno -> Nevada\n14: Henderson -> Nevada\n15: Carson City -> Nevada\n")]
    public async Task A_task_prints_exactly_the_reference_output(string task, string? argument, string expected)
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);

        var result = await DemoRunner.RunAsync(argument is null ? [task, "--connection", database.ConnectionString] : [task, argument, "--connection", database.ConnectionString]);

        Assert.Equal("", result.Errors);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output);
    }

    [Fact]
    public async Task An_injection_payload_matches_nothing_and_changes_nothing()
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);

        var result = await DemoRunner.RunAsync("safe-filter-states", "Arizona'; TRUNCATE TABLE states ; SELECT * FROM states WHERE name = 'Arizona", "--connection", database.ConnectionString);

        Assert.Equal((0, ""), (result.ExitCode, result.Output));
        Assert.Equal(AllStates, (await DemoRunner.RunAsync("select-states", "--connection", database.ConnectionString)).Output);
    }

    [Fact]
    public async Task Writes_change_what_the_reads_show()
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);
        var connection = database.ConnectionString;

        Assert.Equal((0, ""), Done(await DemoRunner.RunAsync("update-id-2", "--connection", connection)));
        Assert.Equal("(2, 'New Mexico')\n", (await DemoRunner.RunAsync("my-filter-states", "New Mexico", "--connection", connection)).Output);

        Assert.Equal((0, ""), Done(await DemoRunner.RunAsync("delete-a", "--connection", connection)));
        Assert.Equal("2: New Mexico\n4: New York\n", (await DemoRunner.RunAsync("fetch-all", "--connection", connection)).Output);
        Assert.Equal("New Mexico: (6) Page\nNew Mexico: (7) Phoenix\nNew York: (11) New York\n", (await DemoRunner.RunAsync("city-fetch-by-state", "--connection", connection)).Output);

        Assert.Equal((0, ""), Done(await DemoRunner.RunAsync("relationship-create", "--connection", connection)));
        Assert.Equal("2: New Mexico\n\t6: Page\n\t7: Phoenix\n4: New York\n\t11: New York\n6: California\n\t16: San Francisco\n",
            (await DemoRunner.RunAsync("relationship-states-cities", "--connection", connection)).Output);
    }

    private static (int, string) Done(DemoResult result) => (result.ExitCode, result.Output + result.Errors);

    [Fact]
    public async Task Fetch_first_on_an_empty_table_prints_Nothing_and_model_state_creates_the_table()
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server, seeded: false);
        await using (var connection = new MySqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new MySqlCommand("DROP TABLE cities; DROP TABLE states", connection);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var model = await DemoRunner.RunAsync("model-state", "--connection", database.ConnectionString);
        var first = await DemoRunner.RunAsync("fetch-first", "--connection", database.ConnectionString);

        Assert.Equal((0, ""), (model.ExitCode, model.Output));
        Assert.Equal("Nothing\n", first.Output);
        await using var check = new MySqlConnection(database.ConnectionString);
        await check.OpenAsync(TestContext.Current.CancellationToken);
        await using var columns = new MySqlCommand(
            "SELECT GROUP_CONCAT(CONCAT(column_name, ' ', column_type, ' ', is_nullable, ' ', extra) ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'states'", check);
        Assert.Equal("id int(11) NO auto_increment,name varchar(128) NO ", (string?)await columns.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        // The table came from the embedded migration, which the history records once: a second run has nothing to do.
        var again = await DemoRunner.RunAsync("model-state", "--connection", database.ConnectionString);
        Assert.Equal((0, ""), (again.ExitCode, again.Output + again.Errors));
        await using var history = new MySqlCommand("SELECT GROUP_CONCAT(CONCAT(version, ' ', name)) FROM microorm_migrations", check);
        Assert.Equal("1 CreateStates", (string?)await history.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("relationship-states-cities")]
    [InlineData("relationship-cities-states")]
    [InlineData("cities-by-state")]
    public async Task The_one_query_tasks_send_one_query(string task)
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);

        var result = await DemoRunner.RunAsync(task, "--trace", "--connection", database.ConnectionString);

        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Commands);
    }

    [Fact]
    public async Task The_server_can_be_given_through_the_environment()
    {
        await using var database = await ReferenceDatabase.CreateAsync(fixture.Server);
        var result = await DemoRunner.RunProgramAsync("env", [$"{ServerLocator.EnvironmentVariable}={database.ConnectionString}", "dotnet", DemoRunner.DemoAssembly, "fetch-first"]);

        Assert.Equal((0, "1: California\n"), (result.ExitCode, result.Output));
    }
}
