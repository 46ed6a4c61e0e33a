using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm.Servers;

/// <summary>The watchdog shell, with what it printed kept so that a failed start can say why.</summary>
internal sealed class WatchdogProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WatchdogProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += Collect;
        _process.ErrorDataReceived += Collect;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static WatchdogProcess Start(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new ServerUnavailableException("Could not start /bin/sh to run the throwaway server. " + ThrowawayServer.HowToGetAServer);
        return new WatchdogProcess(process);
    }

    /// <summary>Waits for the shell and for the end of its output, so <see cref="Output"/> is complete.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken) =>
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose() => _process.Dispose();

    private void Collect(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is null) return;
        lock (_output) _output.Append(line.Data).Append('\n');
    }
}
