using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Testing;
using MySqlConnector;
using Xunit;

namespace MicroOrm.WebSample.Tests;

/// <summary>
/// The web sample as it ships: published with NativeAOT into a folder of its own, then started as a process against
/// a throwaway MariaDB of its own (a test stops and restarts it), with its console telemetry on, on a free loopback
/// port, and reached with a real HTTP client. Its standard output (the console exporter's spans) is kept.
/// </summary>
public sealed class RunningSample : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("microorm-web-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ThrowawayServer Server { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public HttpClient Http { get; private set; } = null!;

    /// <summary>What <c>dotnet publish</c> printed.</summary>
    public string PublishOutput { get; private set; } = "";

    /// <summary>Everything the sample has printed so far, line by line.</summary>
    public string[] Output => _output.ToArray();

    public async ValueTask InitializeAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "MicroOrm.WebSample", "MicroOrm.WebSample.csproj");
        var publish = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", _folder, "-nologo", "--disable-build-servers"], TimeSpan.FromMinutes(15));
        PublishOutput = publish.Output + publish.Errors;
        Assert.True(publish.ExitCode == 0, PublishOutput);

        Server = await ThrowawayServer.StartAsync();
        await using (var connection = new MySqlConnection(Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand("CREATE DATABASE web_sample", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new MySqlConnectionStringBuilder(Server.ConnectionString) { Database = "web_sample" }.ConnectionString;
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(_folder, "microorm-web-sample")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["MicroOrm__ConnectionString"] = ConnectionString;
        start.Environment["Telemetry__Console"] = "true";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => { if (line.Data is { } text) _output.Enqueue(text); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) _output.Enqueue(text); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await Http.GetAsync("/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited)
            {
            }

            Assert.False(_process.HasExited, "The sample stopped:\n" + string.Join("\n", Output));
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "The sample did not answer /health within a minute:\n" + string.Join("\n", Output));
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A loopback port nobody listens on now (the system's choice for port 0).</summary>
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, await output, await errors);
    }
}
