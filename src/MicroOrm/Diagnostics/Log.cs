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

    [LoggerMessage(EventId = 7, EventName = "ReadRouted", Level = LogLevel.Debug,
        Message = "Read routed to the {Role} {ServerAddress} ({Reason})")]
    public static partial void ReadRouted(ILogger logger, string role, string serverAddress, string reason);

    [LoggerMessage(EventId = 8, EventName = "ServerOutOfRotation", Level = LogLevel.Warning,
        Message = "{ServerAddress} is out of rotation: {Reason}")]
    public static partial void ServerOutOfRotation(ILogger logger, string serverAddress, string reason);

    [LoggerMessage(EventId = 9, EventName = "ServerBackInRotation", Level = LogLevel.Information,
        Message = "{ServerAddress} is back in rotation")]
    public static partial void ServerBackInRotation(ILogger logger, string serverAddress);

    [LoggerMessage(EventId = 10, EventName = "FailedOver", Level = LogLevel.Warning,
        Message = "Writes now go to {ServerAddress}, which took writes when {PreviousAddress} did not: {Reason}")]
    public static partial void FailedOver(ILogger logger, string serverAddress, string previousAddress, string reason);

    [LoggerMessage(EventId = 11, EventName = "NoWritableServer", Level = LogLevel.Error,
        Message = "No server of the topology takes writes ({Servers}); writes go on to {ServerAddress} and fail there until one does")]
    public static partial void NoWritableServer(ILogger logger, string servers, string serverAddress);

    [LoggerMessage(EventId = 6, EventName = "ConnectionFailed", Level = LogLevel.Error,
        Message = "Could not open a connection to {ServerAddress}:{ServerPort} (server error {ErrorNumber}): {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, string serverAddress, int serverPort, int errorNumber, string reason, Exception exception);
}
