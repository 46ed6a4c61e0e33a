using System;
using Microsoft.Extensions.Logging;

namespace MicroOrm.Diagnostics;

/// <summary>
/// MicroOrm's log events (category <c>MicroOrm</c>), defined once with the <c>LoggerMessage</c> generator so that a
/// disabled level costs a flag check. SQL text has placeholders; <c>{Parameters}</c> shows <c>@p0=?</c> unless the
/// user opted in to sensitive data logging.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "CommandExecuted", Level = LogLevel.Debug,
        Message = "Executed {Operation} in {ElapsedMilliseconds} ms (rows: {Rows}) on {Database}: {Sql} [{Parameters}]")]
    public static partial void CommandExecuted(ILogger logger, string operation, double elapsedMilliseconds, long rows, string database, string sql, string parameters);

    [LoggerMessage(EventId = 2, EventName = "SlowCommand", Level = LogLevel.Warning,
        Message = "Slow {Operation}: {ElapsedMilliseconds} ms, over the {ThresholdMilliseconds} ms threshold (rows: {Rows}) on {Database}: {Sql} [{Parameters}]")]
    public static partial void SlowCommand(ILogger logger, string operation, double elapsedMilliseconds, double thresholdMilliseconds, long rows, string database, string sql, string parameters);

    [LoggerMessage(EventId = 3, EventName = "CommandFailed", Level = LogLevel.Error,
        Message = "{Operation} failed after {ElapsedMilliseconds} ms with server error {ErrorNumber} on {Database}: {Sql} [{Parameters}]")]
    public static partial void CommandFailed(ILogger logger, string operation, double elapsedMilliseconds, int errorNumber, string database, string sql, string parameters, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "CommandCancelled", Level = LogLevel.Information,
        Message = "{Operation} cancelled after {ElapsedMilliseconds} ms on {Database}: {Sql}")]
    public static partial void CommandCancelled(ILogger logger, string operation, double elapsedMilliseconds, string database, string sql);

    [LoggerMessage(EventId = 5, EventName = "TransactionRetry", Level = LogLevel.Warning,
        Message = "Running the transaction again in {DelayMilliseconds} ms (attempt {Attempt} of {MaxAttempts}) after server error {ErrorNumber}: {Reason}")]
    public static partial void Retrying(ILogger logger, double delayMilliseconds, int attempt, int maxAttempts, int errorNumber, string reason);

    [LoggerMessage(EventId = 6, EventName = "ConnectionFailed", Level = LogLevel.Error,
        Message = "Could not open a connection to {ServerAddress}:{ServerPort} (server error {ErrorNumber}): {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, string serverAddress, int serverPort, int errorNumber, string reason, Exception exception);
}
