using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm;
using MicroOrm.Demo;
using MicroOrm.Demo.Cli;
using MicroOrm.Demo.Models;
using MicroOrm.Diagnostics;
using MicroOrm.Servers;
using MySqlConnector;

// The reference project's tasks on MicroOrm's generated API. Output goes to standard output exactly as the reference
// scripts print it ("\n" line endings); everything else (errors, traces, --keep) goes to standard error.
var output = new System.IO.StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
var errors = Console.Error;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await DemoCommandLine.RunAsync(args, output, errors, RunAsync, cancel.Token);

async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
{
    using var tracing = invocation.Trace ? TraceToStandardError() : null;
    try
    {
        await using var database = await DemoDatabase.OpenAsync(invocation, cancellationToken);
        if (invocation.Verbose && database.Description is { } description) await errors.WriteAsync($"-- server: {description}\n");
        await using var db = DemoDb.Connect(database.ConnectionString);
        if (invocation.Task is { } task)
        {
            await task.Run(db, invocation.TaskArguments, output, cancellationToken);
        }
        else
        {
            foreach (var step in MicroOrm.Demo.Tasks.TaskCatalog.All)
            {
                await output.WriteAsync($"== {step.Name}{(step.Argument is null ? "" : " " + step.TourArgument)}\n");
                await step.Run(db, step.Argument is null ? [] : [step.TourArgument], output, cancellationToken);
            }
        }

        return 0;
    }
    catch (Exception exception) when (exception is MicroOrmException or MySqlException or ServerUnavailableException or OperationCanceledException or InvalidOperationException)
    {
        // One line names the problem; the stack trace is for --verbose.
        await errors.WriteAsync(invocation.Verbose ? $"error: {exception}\n" : $"error: {OneLine(exception)}\n");
        return 1;
    }
}

static string OneLine(Exception exception)
{
    var message = exception switch
    {
        OperationCanceledException => "cancelled.",
        _ => exception.Message,
    };
    return message.ReplaceLineEndings(" ");
}

static ActivityListener TraceToStandardError()
{
    var listener = new ActivityListener
    {
        ShouldListenTo = source => source.Name == MicroOrmTelemetry.SourceName,
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = activity => Console.Error.Write($"-- sql: {activity.GetTagItem("db.query.text")}\n"),
    };
    ActivitySource.AddActivityListener(listener);
    return listener;
}
