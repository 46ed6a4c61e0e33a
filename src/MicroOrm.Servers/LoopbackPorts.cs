using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace MicroOrm.Servers;

/// <summary>
/// Free loopback ports for the servers of a topology, picked below the system's ephemeral range. A port from that
/// range is also what the kernel gives to every outgoing connection: a node killed on purpose leaves its port free
/// while it is down, a client reconnecting under load can take it as its own end, and the node could then not start
/// again on it. Below the range no outgoing connection is ever given the port, so a killed node gets it back. Ports
/// handed out are not handed out again by this process, so nodes started seconds apart do not pick each other's.
/// </summary>
internal static class LoopbackPorts
{
    private const int Lowest = 10000;
    private const int Attempts = 200;

    private static readonly HashSet<int> HandedOut = new();

    /// <summary>A port nothing listens on now, below the ephemeral range; one from the ephemeral range when there is no room below it.</summary>
    public static int Pick()
    {
        var (first, _) = EphemeralRange();
        if (first - Lowest < 1000) return FromEphemeralRange();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Random.Shared.Next(Lowest, first);
            lock (HandedOut)
            {
                if (HandedOut.Contains(port) || !IsFree(port)) continue;
                HandedOut.Add(port);
                return port;
            }
        }

        return FromEphemeralRange();
    }

    private static int FromEphemeralRange()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The range Linux gives outgoing connections their local port from; Linux's default, the lowest usual one, elsewhere.</summary>
    private static (int First, int Last) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32768, 60999);
        }
    }
}
