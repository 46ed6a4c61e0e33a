using System.Collections.Generic;
using MicroOrm.Demo.Tasks;

namespace MicroOrm.Demo.Cli;

/// <summary>A parsed command line: what to run, against which server, with which options.</summary>
internal sealed record Invocation(
    string Command,
    DemoTask? Task,
    string[] TaskArguments,
    string? ConnectionString,
    bool Keep,
    bool Verbose,
    bool Trace);

/// <summary>
/// Parses <c>TASK [user password database] [argument]</c> and the options. The reference scripts' three server
/// arguments are optional here: without them (and without <c>--connection</c> or the environment variable) the demo
/// runs on a throwaway server it seeds with the reference data.
/// </summary>
internal static class CommandLine
{
    public static (Invocation? Invocation, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? connection = null;
        bool keep = false, verbose = false, trace = false;
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection":
                    if (i + 1 >= args.Count) return (null, "--connection needs a connection string");
                    connection = args[++i];
                    break;
                case "--keep": keep = true; break;
                case "--verbose": verbose = true; break;
                case "--trace": trace = true; break;
                case "--help" or "-h": return (new Invocation("help", null, [], null, false, false, false), null);
                default:
                    if (args[i].StartsWith("--", System.StringComparison.Ordinal)) return (null, $"unknown option {args[i]}");
                    positional.Add(args[i]);
                    break;
            }
        }

        if (positional.Count == 0) return (null, "no task given");
        var command = positional[0];
        var rest = positional.GetRange(1, positional.Count - 1);
        if (command == "tour")
        {
            if (rest.Count == 3) connection ??= LocalConnection(rest[0], rest[1], rest[2]);
            else if (rest.Count != 0) return (null, "tour takes no argument besides <user> <password> <database>");
            return (new Invocation(command, null, [], connection, keep, verbose, trace), null);
        }

        var task = TaskCatalog.Find(command);
        if (task is null) return (null, $"unknown task '{command}'");
        var needed = task.Argument is null ? 0 : 1;
        if (rest.Count == 3 + needed)
        {
            connection ??= LocalConnection(rest[0], rest[1], rest[2]);
            rest = rest.GetRange(3, needed);
        }
        else if (rest.Count != needed)
        {
            return (null, task.Argument is null
                ? $"{command} takes no argument besides <user> <password> <database>"
                : $"{command} takes one argument, {task.Argument}");
        }

        return (new Invocation(command, task, rest.ToArray(), connection, keep, verbose, trace), null);
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
