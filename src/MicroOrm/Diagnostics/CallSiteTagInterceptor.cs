using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace MicroOrm.Diagnostics;

/// <summary>
/// Tags every command with where it was called from: <c>/* OrderService.cs:42 */</c> at the end of the SQL, so a slow
/// statement in the server's slow log or process list leads back to the code. Off unless registered; each command
/// then pays for a stack walk. The caller is the first frame outside MicroOrm and the framework; without symbols (a
/// NativeAOT build) it is named by its method instead of its file and line.
/// </summary>
public sealed class CallSiteTagInterceptor : ICommandInterceptor
{
    /// <inheritdoc />
    public void Executing(CommandContext command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (CallSite() is { } site) command.Tag(site);
    }

    /// <inheritdoc />
    public void Executed(CommandContext command, CommandOutcome outcome)
    {
    }

    /// <inheritdoc />
    public void Failed(CommandContext command, TimeSpan duration, Exception exception)
    {
    }

    private static string? CallSite()
    {
        foreach (var frame in new StackTrace(1, fNeedFileInfo: true).GetFrames())
        {
            if (DiagnosticMethodInfo.Create(frame) is not { } method || IsLibrary(method.DeclaringAssemblyName)) continue;
            // The generated code only describes the model (the statements are run from MicroOrm's own frames), so the
            // first frame left is the user's call.
            if (frame.GetFileName() is { Length: > 0 } file) return Path.GetFileName(file) + ":" + frame.GetFileLineNumber().ToString(CultureInfo.InvariantCulture);
            return method.DeclaringTypeName + "." + method.Name;
        }

        return null;
    }

    private static bool IsLibrary(string assembly) =>
        assembly.StartsWith("MicroOrm,", StringComparison.Ordinal)
        || assembly.StartsWith("MySqlConnector,", StringComparison.Ordinal)
        || assembly.StartsWith("System.", StringComparison.Ordinal)
        || assembly.StartsWith("System,", StringComparison.Ordinal)
        || assembly.StartsWith("Microsoft.", StringComparison.Ordinal);
}
