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
}
