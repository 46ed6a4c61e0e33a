using MicroOrm.Demo.Tasks;

namespace MicroOrm.Demo.Cli;

/// <summary>A parsed command line: what to run (a task, or the tour when <see cref="Task"/> is null), against which server, with which options.</summary>
internal sealed record Invocation(
    DemoTask? Task,
    string[] TaskArguments,
    string? ConnectionString,
    bool Keep,
    bool Verbose,
    bool Trace);
