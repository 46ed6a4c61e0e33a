using System;
using System.Threading;
using MicroOrm.Tool;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command between statements; a migration resumes from its last recorded step.
    e.Cancel = true;
    cancellation.Cancel();
};

return await Cli.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
