using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// A TCP relay to the server that passes replies on in small pieces, each held for a while, like a slow network. With
/// it, a reply (even a row of one) is never all there when the client starts reading it, so an asynchronous read can
/// never finish at once: a synchronous call that completes has done its I/O synchronously (see SyncIoTests).
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _sockets = new();
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly Task _accepting;

    private LatencyProxy(string host, int port, TimeSpan delay)
    {
        _upstreamHost = host;
        _upstreamPort = port;
        Delay = delay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>How many bytes of a reply go on at a time: less than one small row.</summary>
    private const int PieceBytes = 16;

    public TimeSpan Delay { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static LatencyProxy Start(string serverConnectionString, TimeSpan delay)
    {
        var settings = new MySqlConnectionStringBuilder(serverConnectionString);
        return new LatencyProxy(settings.Server, (int)settings.Port, delay);
    }

    public string ConnectionString(string serverConnectionString) =>
        new MySqlConnectionStringBuilder(serverConnectionString) { Server = "127.0.0.1", Port = (uint)Port, SslMode = MySqlSslMode.None }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _sockets) socket.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await upstream.ConnectAsync(_upstreamHost, _upstreamPort, _stop.Token);
            client.NoDelay = true;
            _sockets.Add(client);
            _sockets.Add(upstream);
            _ = PumpAsync(client, upstream, TimeSpan.Zero);
            _ = PumpAsync(upstream, client, Delay);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, TimeSpan delay)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0) break;
                if (delay == TimeSpan.Zero)
                {
                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                    continue;
                }

                for (var sent = 0; sent < read; sent += PieceBytes)
                {
                    await Task.Delay(delay, _stop.Token);
                    await to.SendAsync(buffer.AsMemory(sent, Math.Min(PieceBytes, read - sent)), SocketFlags.None, _stop.Token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            try
            {
                to.Shutdown(SocketShutdown.Both);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
