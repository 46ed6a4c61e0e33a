using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Servers;

/// <summary>
/// A MariaDB (or MySQL) server started from this machine's binaries in a temporary folder on a free loopback port,
/// for one process's lifetime. It is stopped and its folder deleted on dispose, and by a watchdog shell when the
/// owning process ends without disposing it (a crash, a kill).
/// </summary>
public sealed class ThrowawayServer : IDatabaseServer
{
    /// <summary>What a user can do when no server is available; every "no server" error ends with it.</summary>
    public const string HowToGetAServer =
        "Set MICROORM_CONNECTION_STRING to a MySQL or MariaDB server you can use, start Docker so that Testcontainers can run one, " +
        "or install MariaDB (Debian/Ubuntu: sudo apt-get install mariadb-server; `bash build.sh test` and `bash build.sh demo` do this for you).";

    private const int PortAttempts = 3;

    private int _disposed;

    private readonly WatchdogProcess _watchdog;

    private ThrowawayServer(WatchdogProcess watchdog, string folder, int port, int serverProcessId, string version)
    {
        _watchdog = watchdog;
        Folder = folder;
        Port = port;
        ServerProcessId = serverProcessId;
        Version = version;
        ConnectionString = BuildConnectionString(port);
    }

    /// <summary>Root on 127.0.0.1 at <see cref="Port"/>, with no password and no database.</summary>
    public string ConnectionString { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The temporary folder that holds the data files; it is gone once the server is stopped.</summary>
    public string Folder { get; }

    /// <summary>The server's process id.</summary>
    public int ServerProcessId { get; private set; }

    /// <summary>What <c>SELECT VERSION()</c> answered.</summary>
    public string Version { get; }

    /// <inheritdoc />
    public string Description => $"throwaway {Version} on 127.0.0.1:{Port} in {Folder}";

    /// <summary>Initialises a data folder and starts a server on it; fails with a <see cref="ServerUnavailableException"/> that says what to do.</summary>
    public static async Task<ThrowawayServer> StartAsync(ThrowawayServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThrowawayServerOptions();
        var binaries = ServerBinaries.Find(options.ProgramFolders) ?? throw new ServerUnavailableException(
            "No MySQL or MariaDB server program (mariadbd or mysqld) is installed on this machine. " + HowToGetAServer);

        var folder = CreateFolder(options.TemporaryRoot ?? Path.GetTempPath());
        try
        {
            await GiveFolderToAccountAsync(folder, options, cancellationToken).ConfigureAwait(false);
            await InitializeDataFolderAsync(binaries, folder, options, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var port = (options.PickPort ?? FreeLoopbackPort)();
                var watchdog = StartWatchdog(binaries, folder, port, options);
                var started = await WaitUntilReadyAsync(watchdog, folder, port, options.StartTimeout, cancellationToken).ConfigureAwait(false);
                if (started.Server is { } server) return server;
                if (started.PortInUse && attempt < PortAttempts)
                {
                    Directory.CreateDirectory(folder);
                    await GiveFolderToAccountAsync(folder, options, cancellationToken).ConfigureAwait(false);
                    await InitializeDataFolderAsync(binaries, folder, options, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new ServerUnavailableException(
                    $"The throwaway server ({binaries.Server}) did not start on port {port}: {started.Failure}. " + HowToGetAServer);
            }
        }
        catch
        {
            TryDeleteFolder(folder);
            throw;
        }
    }

    /// <summary>
    /// Stops the server cleanly, as an outage would: connections are dropped and new ones refused, until
    /// <see cref="StartAgainAsync"/>. Its data and port are kept.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(HoldFile, "", cancellationToken).ConfigureAwait(false);
        await ShutdownAsync().ConfigureAwait(false);
        await WaitUntilStoppedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Kills the server outright (SIGKILL), as a crash would: nothing is flushed, nothing is said to its clients or
    /// peers. Its data and port are kept until <see cref="StartAgainAsync"/>, which recovers from the crash as a real
    /// restart would.
    /// </summary>
    internal async Task KillAsync(CancellationToken cancellationToken = default)
    {
        // The hold file first: a server that exits without it is one the watchdog cleans up after.
        await File.WriteAllTextAsync(HoldFile, "", cancellationToken).ConfigureAwait(false);
        KillProcess(ServerProcessId);
        await WaitUntilStoppedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the server stopped by <see cref="StopAsync"/> again, on the same data and port, and waits until it answers.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var before = ServerProcessId;
        File.Delete(HoldFile);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new InvalidOperationException("The throwaway server did not start again within 60 s.");
            if (int.TryParse(await ReadOrEmptyAsync(Path.Combine(Folder, "server.pid"), cancellationToken).ConfigureAwait(false), out var pid) && pid != before)
            {
                try
                {
                    await using var connection = new MySqlConnection(ConnectionString + ";Pooling=false;Connection Timeout=2");
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    ServerProcessId = pid;
                    return;
                }
                catch (MySqlException)
                {
                    // Still starting.
                }
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Shuts the server down and deletes its folder; kills it when it does not stop within 20 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        // Idempotent: a test may stop the server early and still leave it in an await using.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (File.Exists(HoldFile))
        {
            // Stopped on purpose: tell the watchdog to finish instead of starting it again.
            File.WriteAllText(Path.Combine(Folder, "finish"), "");
            File.Delete(HoldFile);
        }

        await ShutdownAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _watchdog.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillProcess(ServerProcessId);
            KillProcess(_watchdog.Id);
        }

        _watchdog.Dispose();
        TryDeleteFolder(Folder);
    }

    private string HoldFile => Path.Combine(Folder, "hold");

    private async Task WaitUntilStoppedAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning(ServerProcessId))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException($"The throwaway server {ServerProcessId} did not stop within 30 s.");
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string> ReadOrEmptyAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (IOException)
        {
            return "";
        }
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

    private async Task ShutdownAsync()
    {
        try
        {
            await using var connection = new MySqlConnection(ConnectionString + ";Pooling=false;Connection Timeout=5");
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new MySqlCommand("SHUTDOWN", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException or IOException)
        {
            // Already gone, or not answering: the caller's kill takes over.
        }
    }

    internal static string BuildConnectionString(int port) => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1",
        Port = (uint)port,
        UserID = "root",
        Password = "",
        SslMode = MySqlSslMode.None,
        AllowPublicKeyRetrieval = true,
    }.ConnectionString;

    private static string CreateFolder(string root)
    {
        var folder = Path.Combine(root, "microorm-server-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant());
        try
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ServerUnavailableException(
                $"Cannot create the throwaway server's data folder {folder}: {exception.Message}. Point TMPDIR at a writable folder, or {HowToGetAServer}", exception);
        }
    }

    /// <summary>
    /// Hands the folder to <see cref="ThrowawayServerOptions.Account"/> when this process is root, before anything
    /// is written into it: the server writes its socket, pid file and temporary files there, as that account.
    /// </summary>
    private static async Task GiveFolderToAccountAsync(string folder, ThrowawayServerOptions options, CancellationToken cancellationToken)
    {
        if (options.Account is null || !Environment.IsPrivilegedProcess) return;
        var (exitCode, output) = await RunAsync("chown", [options.Account + ":", folder], TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ServerUnavailableException($"Cannot give the throwaway server's folder {folder} to the account {options.Account}: {Tail(output)}.");
        }
    }

    private static async Task InitializeDataFolderAsync(ServerBinaries binaries, string folder, ThrowawayServerOptions options, CancellationToken cancellationToken)
    {
        var data = Path.Combine(folder, "data");
        var arguments = new List<string>();
        string program;
        if (binaries.InstallDb is not null)
        {
            program = binaries.InstallDb;
            arguments.AddRange(new[] { "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db" });
        }
        else
        {
            program = binaries.Server;
            arguments.AddRange(new[] { "--no-defaults", "--initialize-insecure", "--datadir=" + data });
        }

        // The bootstrap's temporary tables go in the server's own folder, not the shared /tmp, where several servers
        // initialised at once by a parallel test run have been seen to trip over each other's files.
        arguments.Add("--tmpdir=" + folder);
        if (Environment.IsPrivilegedProcess) arguments.Add("--user=" + (options.Account ?? "root"));
        var (exitCode, output) = await RunAsync(program, arguments, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ServerUnavailableException(
                $"Initialising the throwaway server's data folder with {Path.GetFileName(program)} failed (exit code {exitCode}): {Tail(output)}. {HowToGetAServer}");
        }
    }

    private static WatchdogProcess StartWatchdog(ServerBinaries binaries, string folder, int port, ThrowawayServerOptions options)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(WatchdogScript);
        start.ArgumentList.Add("microorm-watchdog");
        start.ArgumentList.Add((options.OwnerProcessId ?? Environment.ProcessId).ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add(binaries.Server);
        foreach (var argument in ServerArguments(binaries, folder, port, options)) start.ArgumentList.Add(argument);
        return WatchdogProcess.Start(start);
    }

    private static IEnumerable<string> ServerArguments(ServerBinaries binaries, string folder, int port, ThrowawayServerOptions options)
    {
        yield return "--no-defaults";
        yield return "--datadir=" + Path.Combine(folder, "data");
        yield return "--port=" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--bind-address=127.0.0.1";
        yield return "--socket=" + Path.Combine(folder, "mysqld.sock");
        yield return "--pid-file=" + Path.Combine(folder, "mysqld.pid");
        yield return "--tmpdir=" + folder;
        yield return "--character-set-server=utf8mb4";
        yield return "--collation-server=utf8mb4_unicode_520_ci";
        yield return "--max-connections=2000";
        yield return "--skip-log-bin";
        yield return "--performance-schema=OFF";
        // A throwaway server need not survive a power cut: flushing the log once a second keeps the tests fast.
        yield return "--innodb-flush-log-at-trx-commit=2";
        yield return "--innodb-buffer-pool-size=128M";
        if (binaries.IsMariaDb) yield return "--skip-name-resolve";
        if (Environment.IsPrivilegedProcess) yield return "--user=" + (options.Account ?? "root");
        foreach (var argument in options.ExtraArguments) yield return argument;
    }

    private static async Task<(ThrowawayServer? Server, bool PortInUse, string Failure)> WaitUntilReadyAsync(
        WatchdogProcess watchdog, string folder, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connectionString = BuildConnectionString(port) + ";Pooling=false;Connection Timeout=2";
        var deadline = Stopwatch.StartNew();
        var lastError = "no answer";
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (watchdog.HasExited)
            {
                await watchdog.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var log = watchdog.Output;
                watchdog.Dispose();
                return (null, log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase), "it exited: " + Tail(log));
            }

            try
            {
                await using var connection = new MySqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new MySqlCommand("SELECT VERSION()", connection);
                var version = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "server.pid"), cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                return (new ThrowawayServer(watchdog, folder, port, pid, version), false, "");
            }
            catch (MySqlException exception)
            {
                lastError = exception.Message;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        KillProcess(watchdog.Id);
        return (null, false, $"it did not answer within {timeout.TotalSeconds:0} s ({lastError})");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, List<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new ServerUnavailableException($"Could not start {program}. {HowToGetAServer}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    private static void KillProcess(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already exited.
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string Tail(string text)
    {
        var lines = text.Trim().Split('\n');
        return string.Join(" | ", lines[Math.Max(0, lines.Length - 6)..]).Trim();
    }

    private static string WatchdogScript { get; } = LoadWatchdogScript();

    private static string LoadWatchdogScript()
    {
        using var stream = typeof(ThrowawayServer).Assembly.GetManifestResourceStream("watchdog.sh")
            ?? throw new InvalidOperationException("The watchdog script is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
