using System;
using System.Threading;

namespace MicroOrm.Execution;

/// <summary>
/// The command timeouts in flight, checked by one timer four times a second. A command registers when it starts and
/// leaves when it ends: a lock and two links, instead of a timer of its own (creating and dropping a timer per command
/// costs microseconds and wakes the timer thread). A timeout fires within a quarter of a second of its deadline,
/// which is as precise as a timeout counted in whole seconds needs.
/// </summary>
internal static class CommandTimeouts
{
    private const int TickMilliseconds = 250;
    private static readonly Lock Sync = new();
    private static readonly Timer Ticker = new(static _ => Tick(), null, Timeout.Infinite, Timeout.Infinite);
    private static CommandGuard? _first;
    private static bool _ticking;

    /// <summary>1 while a tick runs: a slow tick and the next one never walk the expired list at the same time.</summary>
    private static int s_inTick;

    public static void Add(CommandGuard guard)
    {
        lock (Sync)
        {
            guard.Next = _first;
            if (_first is not null) _first.Previous = guard;
            _first = guard;
            if (!_ticking)
            {
                _ticking = true;
                Ticker.Change(TickMilliseconds, TickMilliseconds);
            }
        }
    }

    public static void Remove(CommandGuard guard)
    {
        lock (Sync)
        {
            if (guard.Previous is null && _first != guard) return;
            if (guard.Previous is not null) guard.Previous.Next = guard.Next;
            else _first = guard.Next;
            if (guard.Next is not null) guard.Next.Previous = guard.Previous;
            guard.Previous = guard.Next = null;
        }
    }

    private static void Tick()
    {
        if (Interlocked.Exchange(ref s_inTick, 1) == 1) return;
        try
        {
            TickOnce();
        }
        finally
        {
            Volatile.Write(ref s_inTick, 0);
        }
    }

    private static void TickOnce()
    {
        var now = Environment.TickCount64;
        CommandGuard? expired = null;
        lock (Sync)
        {
            for (var guard = _first; guard is not null; guard = guard.Next)
            {
                if (guard.Deadline <= now && !guard.Expired)
                {
                    guard.Expired = true;
                    guard.ExpiredGeneration = guard.Generation;
                    guard.NextExpired = expired;
                    expired = guard;
                }
            }

            if (_first is null)
            {
                _ticking = false;
                Ticker.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }

        // Cancelling talks to the server: done outside the lock, and never allowed to throw out of the timer.
        // A guard disposed (and perhaps reused) since it was found carries another generation by now: TimeOut ignores it.
        for (; expired is not null; expired = expired.NextExpired) expired.TimeOut(expired.ExpiredGeneration);
    }
}
