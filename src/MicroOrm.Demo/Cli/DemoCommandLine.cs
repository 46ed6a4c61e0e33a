using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Demo.Tasks;

namespace MicroOrm.Demo.Cli;

/// <summary>
/// The demo's command line, parsed by System.CommandLine: one command per task (and <c>tour</c>), each taking the
/// reference scripts' <c>&lt;user&gt; &lt;password&gt; &lt;database&gt;</c> for a server on localhost:3306, optionally, before its own
/// argument; the options on every command. <c>--help</c> (on the demo or on a task) is System.CommandLine's generated
/// help. A mistake prints <c>error: </c>, the reason and the usage, and exits 2, as before.
/// </summary>
internal static class DemoCommandLine
{
    public const int UsageError = 2;

    private const int ServerArguments = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<Invocation, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        var connection = new Option<string?>("--connection") { Description = "use this MySqlConnector connection string", HelpName = "CS", Recursive = true };
        var keep = new Option<bool>("--keep") { Description = "keep the throwaway server running and print its connection string", Recursive = true };
        var trace = new Option<bool>("--trace") { Description = "print each SQL command sent (to standard error)", Recursive = true };
        var verbose = new Option<bool>("--verbose") { Description = "print the whole exception on an error", Recursive = true };

        var root = new RootCommand(
            "The reference project's tasks on MicroOrm. The server: <user> <password> <database> on localhost:3306, or --connection, or the " +
            "MICROORM_CONNECTION_STRING environment variable; with none of them, a throwaway MariaDB seeded with the reference data, removed afterwards.")
        {
            connection, keep, trace, verbose,
        };
        foreach (var task in TaskCatalog.All) root.Subcommands.Add(TaskCommand(task.Name, task.Summary, task));
        root.Subcommands.Add(TaskCommand("tour", "every task in order, with a heading each", null));
        // Help lines as long as they need: the help goes to files and tests as often as to a terminal.
        if (root.Options.OfType<HelpOption>().FirstOrDefault()?.Action is HelpAction help) help.MaxWidth = 200;

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            await errors.WriteAsync($"error: {Message(result, connection)}\n\n{Usage.Text()}").ConfigureAwait(false);
            return UsageError;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);

        Command TaskCommand(string name, string summary, DemoTask? task)
        {
            var needed = task?.Argument is null ? 0 : 1;
            var arguments = new Argument<string[]>("arguments")
            {
                Arity = ArgumentArity.ZeroOrMore,
                Description = "[<mysql user> <mysql password> <database>]" + (task?.Argument is { } argument ? " " + argument : "") +
                    ": the reference scripts' server on localhost:3306 (optional)" + (task?.Argument is null ? "" : ", then " + task.Argument),
            };
            var command = new Command(name, summary) { arguments };
            // On the command, not the argument: an argument given no token has no result to validate.
            command.Validators.Add(result =>
            {
                var tokens = result.GetResult(arguments)?.Tokens ?? [];
                // An unknown option lands among the arguments (they take any number): it is named as what it is.
                if (tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } option)
                {
                    result.AddError($"unknown option {option.Value}");
                    return;
                }

                var count = tokens.Count;
                if (count == needed || count == needed + ServerArguments) return;
                result.AddError(name == "tour" ? "tour takes no argument besides <user> <password> <database>"
                    : task?.Argument is null ? $"{name} takes no argument besides <user> <password> <database>"
                    : $"{name} takes one argument, {task.Argument}");
            });
            command.SetAction((parse, ct) =>
            {
                var given = parse.GetValue(arguments) ?? [];
                var server = given.Length == needed + ServerArguments ? LocalConnection(given[0], given[1], given[2]) : null;
                var invocation = new Invocation(task, given[(given.Length - needed)..], parse.GetValue(connection) ?? server, parse.GetValue(keep), parse.GetValue(verbose), parse.GetValue(trace));
                return run(invocation, ct);
            });
            return command;
        }
    }

    /// <summary>The first problem, in the demo's own words where it has them.</summary>
    private static string Message(ParseResult result, Option connection)
    {
        var error = result.Errors[0];
        if (error.SymbolResult is OptionResult { Option: var option } && option == connection) return "--connection needs a connection string";
        if (result.UnmatchedTokens.FirstOrDefault() is { } unmatched)
        {
            return unmatched.StartsWith("-", StringComparison.Ordinal) ? $"unknown option {unmatched}" : $"unknown task '{unmatched}'";
        }

        if (result.CommandResult.Command is RootCommand) return "no task given";
        return error.Message;
    }

    /// <summary>The reference scripts connect to localhost:3306 with a user, a password and a database.</summary>
    private static string LocalConnection(string user, string password, string database) =>
        new MySqlConnector.MySqlConnectionStringBuilder
        {
            Server = "localhost",
            Port = 3306,
            UserID = user,
            Password = password,
            Database = database,
        }.ConnectionString;
}
