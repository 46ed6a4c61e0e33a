using System;
using System.Diagnostics;
using MicroOrm.Mapping;
using Microsoft.Extensions.Logging;

namespace MicroOrm.Diagnostics;

/// <summary>
/// What one connection source reports about its commands, and where: the logger (category <c>MicroOrm</c>), the
/// slow-command threshold, whether values may be shown, and the server the commands go to. Built once per source
/// from its options, so each command pays only for the listeners that are there.
/// </summary>
internal sealed class CommandTelemetry
{
    public const string LoggerCategory = "MicroOrm";

    public CommandTelemetry(MicroOrmOptions options, string database, string serverAddress, int serverPort)
    {
        Logger = options.LoggerFactory?.CreateLogger(LoggerCategory);
        SlowThreshold = options.SlowCommandThreshold;
        Sensitive = options.EnableSensitiveDataLogging;
        Interceptors = options.Interceptors.Count == 0 ? [] : [.. options.Interceptors];
        Database = database;
        ServerAddress = serverAddress;
        ServerPort = serverPort;
    }

    public ILogger? Logger { get; }

    public TimeSpan SlowThreshold { get; }

    /// <summary>Whether parameter values may appear in logs, traces and exceptions (the user opted in).</summary>
    public bool Sensitive { get; }

    public string Database { get; }

    /// <summary>The options' interceptors, copied once: a command with none pays one length check.</summary>
    public ICommandInterceptor[] Interceptors { get; }

    public string ServerAddress { get; }

    public int ServerPort { get; }

    /// <summary>Starts timing (and, when listened to, tracing) one command.</summary>
    public CommandScope Start(SqlStatement statement, TableInfo? table, CommandContext? context = null) => new(this, statement, table?.Name, context);

    /// <summary>
    /// Shows a command to the interceptors before it is sent, and returns what they saw (with any tags they added), or
    /// <see langword="null"/> when there are none. An interceptor that throws refuses the command: nothing was sent.
    /// </summary>
    public CommandContext? Intercept(SqlStatement statement, TableInfo? table, bool writes)
    {
        if (Interceptors.Length == 0) return null;
        var context = new CommandContext(statement, table?.Name, writes, Database, Interceptors);
        foreach (var interceptor in Interceptors) interceptor.Executing(context);
        return context;
    }

    /// <summary>Records that a unit of work runs again after <paramref name="failure"/>.</summary>
    public void Retrying(int attempt, int maxAttempts, TimeSpan delay, MicroOrmException failure)
    {
        if (MicroOrmTelemetry.RetryCounter.Enabled)
        {
            var tags = new TagList
            {
                { "db.system.name", "mysql" },
                { "db.namespace", Database },
                { "error.type", ErrorType(failure) },
            };
            MicroOrmTelemetry.RetryCounter.Add(1, tags);
        }

        Activity.Current?.AddEvent(new ActivityEvent("microorm.retry", tags: new ActivityTagsCollection
        {
            { "microorm.retry.attempt", attempt },
            { "error.type", ErrorType(failure) },
        }));
        if (Logger is { } logger) Log.Retrying(logger, Milliseconds(delay), attempt + 1, maxAttempts, failure.ServerErrorCode ?? 0, failure.Message);
    }

    /// <summary>Records that a connection could not be opened.</summary>
    public void ConnectionFailed(MicroOrmException failure)
    {
        if (Logger is { } logger) Log.ConnectionFailed(logger, ServerAddress, ServerPort, failure.ServerErrorCode ?? 0, failure.Message, failure);
    }

    /// <summary>OpenTelemetry's <c>error.type</c>: the server's error number when there is one, else the exception's type.</summary>
    public static string ErrorType(Exception exception) =>
        exception is MicroOrmException { ServerErrorCode: { } number } ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().FullName!;

    public static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 3);
}
