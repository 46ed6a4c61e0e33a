using System;
using System.Collections.Generic;

namespace MicroOrm.Servers;

/// <summary>How to start a <see cref="ThrowawayServer"/>.</summary>
public sealed class ThrowawayServerOptions
{
    /// <summary>Extra server options, for example <c>--ssl-cert=...</c> or <c>--general-log=ON</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = Array.Empty<string>();

    /// <summary>How long the server may take to answer once started.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The process whose end stops the server, even when it ends without disposing it; this process when
    /// <see langword="null"/>.
    /// </summary>
    public int? OwnerProcessId { get; init; }

    /// <summary>Where the data folder is created; the system's temporary folder when <see langword="null"/>.</summary>
    public string? TemporaryRoot { get; init; }

    /// <summary>The folders searched for the server programs; PATH and the usual sbin and libexec folders when <see langword="null"/>.</summary>
    public IReadOnlyList<string>? ProgramFolders { get; init; }

    /// <summary>
    /// The account the server runs as when this process is root; root itself when <see langword="null"/>. A Galera
    /// node needs one: its rsync state transfer runs an rsync daemon, which drops root's privileges to <c>nobody</c>
    /// and could then write into none of root's files, so the node runs unprivileged from the start, as it would
    /// under its service manager, and everything it creates belongs to that account.
    /// </summary>
    internal string? Account { get; init; }

    /// <summary>
    /// Picks the loopback port to try, again after a port turned out taken; a free port from the system's ephemeral
    /// range when <see langword="null"/>. The topologies pick outside that range (see <see cref="LoopbackPorts"/>).
    /// </summary>
    internal Func<int>? PickPort { get; init; }

    /// <summary>
    /// These options for one server of a topology: its own arguments first, so that the caller's
    /// <see cref="ExtraArguments"/>, which come after, can override them; ports from <see cref="LoopbackPorts"/>.
    /// </summary>
    internal ThrowawayServerOptions ForNode(IEnumerable<string> arguments, string? account = null) => new()
    {
        ExtraArguments = [.. arguments, .. ExtraArguments],
        StartTimeout = StartTimeout,
        OwnerProcessId = OwnerProcessId,
        TemporaryRoot = TemporaryRoot,
        ProgramFolders = ProgramFolders,
        Account = account,
        PickPort = LoopbackPorts.Pick,
    };
}
