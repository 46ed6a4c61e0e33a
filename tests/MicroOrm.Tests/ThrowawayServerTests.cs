using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests;

/// <summary>The throwaway server starts, answers, and leaves nothing behind: not on dispose, not on a crash, not on a failed start.</summary>
public sealed class ThrowawayServerTests
{
    [Fact]
    public async Task Disposing_stops_the_server_and_deletes_its_folder()
    {
        var server = await ThrowawayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(Directory.Exists(server.Folder));
        Assert.Contains("MariaDB", server.Version, StringComparison.OrdinalIgnoreCase);
        await using (var connection = new MySqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        await server.DisposeAsync();

        Assert.False(Directory.Exists(server.Folder));
        Assert.False(IsRunning(server.ServerProcessId));
    }

    [Fact]
    public async Task Server_is_removed_when_its_owner_dies_without_cleaning_up()
    {
        using var owner = Process.Start("sleep", "600");
        var server = await ThrowawayServer.StartAsync(new ThrowawayServerOptions { OwnerProcessId = owner.Id }, TestContext.Current.CancellationToken);

        owner.Kill();

        var gone = await WaitUntilAsync(() => !Directory.Exists(server.Folder) && !IsRunning(server.ServerProcessId), TimeSpan.FromSeconds(30));
        Assert.True(gone, $"the server {server.ServerProcessId} or its folder {server.Folder} outlived its owner");
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_server_that_cannot_start_says_why_and_leaves_no_folder()
    {
        var root = Directory.CreateTempSubdirectory("microorm-failed-start-").FullName;
        try
        {
            var options = new ThrowawayServerOptions { ExtraArguments = ["--no-such-option-for-the-server"], TemporaryRoot = root };

            var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => ThrowawayServer.StartAsync(options, TestContext.Current.CancellationToken));

            Assert.Contains("no-such-option-for-the-server", error.Message);
            Assert.Contains(ServerLocator.EnvironmentVariable, error.Message);
            Assert.True(await WaitUntilAsync(() => Directory.GetFileSystemEntries(root).Length == 0, TimeSpan.FromSeconds(10)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_gives_one_clear_error()
    {
        var file = Path.GetTempFileName();
        try
        {
            var options = new ThrowawayServerOptions { TemporaryRoot = file };

            var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => ThrowawayServer.StartAsync(options, TestContext.Current.CancellationToken));

            Assert.Contains("Cannot create the throwaway server's data folder", error.Message);
            Assert.Contains("TMPDIR", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_server_programs_the_error_says_how_to_get_a_server()
    {
        var options = new ThrowawayServerOptions { ProgramFolders = [] };

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => ThrowawayServer.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains("No MySQL or MariaDB server program", error.Message);
        Assert.Contains(ServerLocator.EnvironmentVariable, error.Message);
        Assert.Contains("apt-get install mariadb-server", error.Message);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            await Task.Delay(100);
        }

        return condition();
    }
}

/// <summary>A server named by connection string is checked once, up front, with an error that says what to fix.</summary>
public sealed class ExternalServerTests(Infrastructure.ServerFixture server)
{
    [Fact]
    public async Task A_wrong_password_is_one_clear_error_naming_the_variable()
    {
        var wrong = new MySqlConnectionStringBuilder(server.Server.ConnectionString) { UserID = "nobody_here", Password = "wrong" }.ConnectionString;
        var external = new ExternalServer(wrong, ServerLocator.EnvironmentVariable);

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => external.VerifyAsync(TestContext.Current.CancellationToken));

        Assert.Contains("refused the connection", error.Message);
        Assert.Contains("Access denied", error.Message);
        Assert.Contains(ServerLocator.EnvironmentVariable, error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_one_clear_error()
    {
        var error = Assert.Throws<ServerUnavailableException>(() => new ExternalServer("Server=x;NoSuchOption=1", ServerLocator.EnvironmentVariable));

        Assert.Contains("is not valid", error.Message);
    }
}
