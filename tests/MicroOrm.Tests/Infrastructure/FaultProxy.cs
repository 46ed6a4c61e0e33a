using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MySqlConnector;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>What the proxy does to a COMMIT it sees going to the server.</summary>
public enum CommitFault
{
    /// <summary>Forward it.</summary>
    None,

    /// <summary>Drop the connection before the server sees the COMMIT: the transaction rolls back.</summary>
    DropBeforeServer,

    /// <summary>Forward the COMMIT, swallow the server's answer, then drop the connection: it committed, unseen by the client.</summary>
    DropBeforeReply,

    /// <summary>
    /// Drop the client at once and hold the COMMIT, then send it to the server <see cref="FaultProxy.LateCommitDelay"/>
    /// later: a COMMIT still on its way (in a buffer, on a slow link) while the client already checks the outcome.
    /// </summary>
    DropClientThenCommitLate,
}

/// <summary>
/// A TCP proxy between the code under test and the server, to inject network faults on command: reset every
/// connection, refuse new ones (as a stopped server does), stall traffic both ways, or drop a connection at the moment
/// a COMMIT goes through. It reads the MySQL packet framing of what the client sends, so connections through it must
/// not use TLS or compression (<see cref="ConnectionString"/> turns both off).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly ConcurrentDictionary<int, Link> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private TcpListener _listener;
    private TaskCompletionSource _flowing = CompletedGate();
    private int _nextLink;
    private int _commitsSeen;
    private int _lateCommitsSent;
    private int _nextCommit;
    private string? _reportedVersion;
    private Task _accepting;

    private FaultProxy(IPEndPoint server)
    {
        _server = server;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>The port the proxy listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Does <paramref name="fault"/> to the next COMMIT that goes through, and to no other.</summary>
    public void FailNextCommit(CommitFault fault) => Volatile.Write(ref _nextCommit, (int)fault);

    /// <summary>
    /// Connections opened from now on see <paramref name="version"/> as the server's version in its handshake (the
    /// first packet the server sends), as a client of another server would; <see langword="null"/> forwards it as it is.
    /// </summary>
    public void ReportServerVersion(string? version) => Volatile.Write(ref _reportedVersion, version);

    /// <summary>How long <see cref="CommitFault.DropClientThenCommitLate"/> holds the COMMIT back.</summary>
    public static readonly TimeSpan LateCommitDelay = TimeSpan.FromMilliseconds(700);

    /// <summary>How many held COMMITs the proxy has since tried to send to the server (the server may have gone by then).</summary>
    public int LateCommitsSent => Volatile.Read(ref _lateCommitsSent);

    /// <summary>How many COMMITs the proxy has seen go by (whatever it did to them).</summary>
    public int CommitsSeen => Volatile.Read(ref _commitsSeen);

    /// <summary>Connections open through the proxy now.</summary>
    public int OpenConnections => _links.Count;

    public static FaultProxy Start(string serverConnectionString)
    {
        var settings = new MySqlConnectionStringBuilder(serverConnectionString);
        var address = Dns.GetHostAddresses(settings.Server)[0];
        return new FaultProxy(new IPEndPoint(address, (int)settings.Port));
    }

    /// <summary><paramref name="serverConnectionString"/> pointed at the proxy, without TLS or compression.</summary>
    public string ConnectionString(string serverConnectionString) => new MySqlConnectionStringBuilder(serverConnectionString)
    {
        Server = "127.0.0.1",
        Port = (uint)Port,
        SslMode = MySqlSslMode.None,
        UseCompression = false,
    }.ConnectionString;

    /// <summary>Resets every open connection, both sides, as a network failure does.</summary>
    public void DropAll()
    {
        foreach (var link in _links.Values) link.Drop();
    }

    /// <summary>Stops accepting connections (the port refuses them, as for a stopped server) and resets the open ones.</summary>
    public void Refuse()
    {
        _listener.Stop();
        DropAll();
    }

    /// <summary>Accepts connections again on the same port.</summary>
    public void Accept()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>Holds every byte in both directions until <see cref="Resume"/>: a hung network.</summary>
    public void Stall()
    {
        lock (_gate)
        {
            if (_flowing.Task.IsCompleted) _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held traffic go.</summary>
    public void Resume()
    {
        lock (_gate) _flowing.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Resume();
        DropAll();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(_server).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            Reset(client);
            upstream.Dispose();
            return;
        }

        client.NoDelay = upstream.NoDelay = true;
        var id = Interlocked.Increment(ref _nextLink);
        var link = new Link(client, upstream);
        _links[id] = link;
        try
        {
            await Task.WhenAll(ClientToServerAsync(link), ServerToClientAsync(link)).ConfigureAwait(false);
        }
        finally
        {
            _links.TryRemove(id, out _);
            link.Drop();
        }
    }

    /// <summary>Forwards whole packets, looking at each for a COMMIT (COM_QUERY, 0x03, whose text starts with "commit").</summary>
    private async Task ClientToServerAsync(Link link)
    {
        var header = new byte[4];
        try
        {
            while (true)
            {
                if (!await ReadExactlyAsync(link.Client, header).ConfigureAwait(false)) break;
                var length = header[0] | (header[1] << 8) | (header[2] << 16);
                var packet = new byte[4 + length];
                header.CopyTo(packet, 0);
                if (!await ReadExactlyAsync(link.Client, packet.AsMemory(4)).ConfigureAwait(false)) break;
                await _flowing.Task.ConfigureAwait(false);

                var fault = IsCommit(packet) ? Seen() : CommitFault.None;
                if (fault == CommitFault.DropBeforeServer)
                {
                    link.Drop();
                    break;
                }

                if (fault == CommitFault.DropClientThenCommitLate)
                {
                    link.DropClient();
                    link.Mute();
                    await Task.Delay(LateCommitDelay).ConfigureAwait(false);
                    try
                    {
                        await link.Upstream.SendAsync(packet, SocketFlags.None).ConfigureAwait(false);
                        await Task.WhenAny(link.ReplySwallowed.Task, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Increment(ref _lateCommitsSent);
                    }

                    link.Drop();
                    break;
                }

                // The server's answer to this COMMIT must not reach the client: stop forwarding before it can arrive.
                if (fault == CommitFault.DropBeforeReply) link.Mute();
                await link.Upstream.SendAsync(packet, SocketFlags.None).ConfigureAwait(false);
                if (fault == CommitFault.DropBeforeReply)
                {
                    // The client loses the connection only once the server has answered, so the commit is done when the
                    // client finds out. Dropping it sooner would race the client's next move (a check on another
                    // connection, which cannot see a commit still in progress) against the server's commit, and
                    // resetting the server's end sooner could discard the COMMIT unread.
                    await Task.WhenAny(link.ReplySwallowed.Task, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
                    link.Drop();
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            link.Drop();
        }
    }

    private async Task ServerToClientAsync(Link link)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            if (Volatile.Read(ref _reportedVersion) is { } version && !await RewriteHandshakeAsync(link, version).ConfigureAwait(false)) return;
            while (true)
            {
                var read = await link.Upstream.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0) break;
                await _flowing.Task.ConfigureAwait(false);
                if (link.Muted) link.ReplySwallowed.TrySetResult();
                if (link.ClientDropped || link.Muted) continue;
                await link.Client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            if (!link.ClientDropped) link.Drop();
        }
    }

    /// <summary>
    /// Forwards the server's handshake with its version replaced: the payload is protocol version (one byte), the
    /// version as a NUL-terminated string, then the rest, which is kept; the packet's length is written again.
    /// </summary>
    private static async Task<bool> RewriteHandshakeAsync(Link link, string version)
    {
        var header = new byte[4];
        if (!await ReadExactlyAsync(link.Upstream, header).ConfigureAwait(false)) return false;
        var payload = new byte[header[0] | (header[1] << 8) | (header[2] << 16)];
        if (!await ReadExactlyAsync(link.Upstream, payload).ConfigureAwait(false)) return false;
        var end = Array.IndexOf(payload, (byte)0, 1);
        var replaced = new byte[1 + Encoding.ASCII.GetByteCount(version) + (payload.Length - end)];
        replaced[0] = payload[0];
        var written = 1 + Encoding.ASCII.GetBytes(version, replaced.AsSpan(1));
        payload.AsSpan(end).CopyTo(replaced.AsSpan(written));
        var packet = new byte[4 + replaced.Length];
        packet[0] = (byte)replaced.Length;
        packet[1] = (byte)(replaced.Length >> 8);
        packet[2] = (byte)(replaced.Length >> 16);
        packet[3] = header[3];
        replaced.CopyTo(packet, 4);
        await link.Client.SendAsync(packet, SocketFlags.None).ConfigureAwait(false);
        return true;
    }

    private CommitFault Seen()
    {
        Interlocked.Increment(ref _commitsSeen);
        return (CommitFault)Interlocked.Exchange(ref _nextCommit, (int)CommitFault.None);
    }

    private static bool IsCommit(byte[] packet)
    {
        if (packet.Length < 5 || packet[4] != 0x03) return false;
        var text = Encoding.UTF8.GetString(packet, 5, Math.Min(packet.Length - 5, 16)).TrimStart();
        return text.StartsWith("commit", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer[done..], SocketFlags.None).ConfigureAwait(false);
            if (read == 0) return false;
            done += read;
        }

        return true;
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>One proxied connection: the client's socket and the server's.</summary>
    private sealed class Link(Socket client, Socket upstream)
    {
        private int _clientDropped;
        private int _dropped;
        private int _muted;

        public Socket Client { get; } = client;

        public Socket Upstream { get; } = upstream;

        public bool ClientDropped => Volatile.Read(ref _clientDropped) == 1;

        /// <summary>Whether what the server sends is being swallowed.</summary>
        public bool Muted => Volatile.Read(ref _muted) == 1;

        public void Mute() => Volatile.Write(ref _muted, 1);

        /// <summary>Completed once the server has sent something while muted: its answer to the COMMIT.</summary>
        public TaskCompletionSource ReplySwallowed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void DropClient()
        {
            if (Interlocked.Exchange(ref _clientDropped, 1) == 0) Reset(Client);
        }

        public void Drop()
        {
            if (Interlocked.Exchange(ref _dropped, 1) == 1) return;
            DropClient();
            Reset(Upstream);
        }
    }
}
