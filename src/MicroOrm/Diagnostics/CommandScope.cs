using System;
using System.Diagnostics;
using System.Globalization;
using MicroOrm.Execution;

namespace MicroOrm.Diagnostics;

/// <summary>
/// One command from the moment it is sent until its last row is read or it fails: an <see cref="Activity"/> with
/// OpenTelemetry's database attributes (only when the source has listeners), a duration for the histogram, row
/// counts, and one log line. Parameter values appear only when the user opted in to sensitive data logging.
/// </summary>
internal readonly struct CommandScope
{
    private readonly CommandTelemetry _telemetry;
    private readonly SqlStatement _statement;
    private readonly string? _table;
    private readonly Activity? _activity;
    private readonly long _started;

    public CommandScope(CommandTelemetry telemetry, SqlStatement statement, string? table, CommandContext? context)
    {
        _telemetry = telemetry;
        _statement = statement;
        _table = table;
        Context = context;
        _activity = MicroOrmTelemetry.ActivitySource.HasListeners() ? StartActivity(telemetry, statement, table) : null;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The statement being run.</summary>
    public SqlStatement Statement => _statement;

    /// <summary>What the interceptors saw before the command was sent; <see langword="null"/> when there are none.</summary>
    public CommandContext? Context { get; }

    /// <summary>Whether the scope was started (a default scope records nothing).</summary>
    public bool IsStarted => _telemetry is not null;

    /// <summary>
    /// The command finished: <paramref name="rows"/> rows read, or written when <paramref name="written"/>. Records it
    /// and returns the outcome, which the caller hands to the interceptors (<see cref="Executed"/>) once nothing else
    /// can fail: an interceptor's exception must not be taken for the command's.
    /// </summary>
    public CommandOutcome Succeeded(long rows, bool written)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        if (_activity is { } activity)
        {
            activity.SetTag(written ? "microorm.rows_affected" : "db.response.returned_rows", rows);
            activity.Dispose();
        }

        var histogram = MicroOrmTelemetry.DurationHistogram;
        var counter = written ? MicroOrmTelemetry.RowsWrittenCounter : MicroOrmTelemetry.RowsReadCounter;
        var count = rows > 0 && counter.Enabled;
        if (histogram.Enabled || count)
        {
            var tags = Tags(null);
            if (histogram.Enabled) histogram.Record(elapsed.TotalSeconds, tags);
            if (count) counter.Add(rows, tags);
        }

        var outcome = new CommandOutcome(elapsed, rows, written);
        if (_telemetry.Logger is not { } logger) return outcome;
        if (elapsed >= _telemetry.SlowThreshold)
        {
            Log.SlowCommand(logger, Operation, CommandTelemetry.Milliseconds(elapsed), CommandTelemetry.Milliseconds(_telemetry.SlowThreshold), rows, _telemetry.Database, _statement.Text, Parameters);
        }
        else if (logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Log.CommandExecuted(logger, Operation, CommandTelemetry.Milliseconds(elapsed), rows, _telemetry.Database, _statement.Text, Parameters);
        }

        return outcome;
    }

    /// <summary>Tells the interceptors what <see cref="Succeeded"/> recorded.</summary>
    public void Executed(CommandOutcome outcome) => Context?.OnExecuted(outcome);

    /// <summary>The command failed with <paramref name="exception"/>, already translated so that it carries no values.</summary>
    public void Failed(Exception exception)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var errorType = CommandTelemetry.ErrorType(exception);
        if (_activity is { } activity)
        {
            activity.SetTag("error.type", errorType);
            if (exception is MicroOrmException { ServerErrorCode: { } code }) activity.SetTag("db.response.status_code", code.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error, exception is OperationCanceledException ? "cancelled" : exception.Message);
            activity.Dispose();
        }

        var histogram = MicroOrmTelemetry.DurationHistogram;
        if (histogram.Enabled) histogram.Record(elapsed.TotalSeconds, Tags(errorType));

        if (_telemetry.Logger is { } logger)
        {
            if (exception is OperationCanceledException)
            {
                Log.CommandCancelled(logger, Operation, CommandTelemetry.Milliseconds(elapsed), _telemetry.Database, _statement.Text);
            }
            else
            {
                var number = exception is MicroOrmException { ServerErrorCode: { } server } ? server : 0;
                Log.CommandFailed(logger, Operation, CommandTelemetry.Milliseconds(elapsed), number, _telemetry.Database, _statement.Text, Parameters, exception);
            }
        }

        Context?.OnFailed(elapsed, exception);
    }

    private string Operation => SqlBuilding.StatementVerbs.OperationName(_statement.Text);

    private string Parameters => ParameterText.Format(_statement.Values, _telemetry.Sensitive);

    private TagList Tags(string? errorType)
    {
        var tags = new TagList
        {
            { "db.system.name", "mysql" },
            { "db.namespace", _telemetry.Database },
            { "db.operation.name", Operation },
            { "server.address", _telemetry.ServerAddress },
            { "server.port", _telemetry.ServerPort },
        };
        if (_table is not null) tags.Add("db.collection.name", _table);
        if (errorType is not null) tags.Add("error.type", errorType);
        return tags;
    }

    private static Activity? StartActivity(CommandTelemetry telemetry, SqlStatement statement, string? table)
    {
        var operation = SqlBuilding.StatementVerbs.OperationName(statement.Text);
        var activity = MicroOrmTelemetry.ActivitySource.StartActivity(table is null ? operation : operation + " " + table, ActivityKind.Client);
        if (activity is null) return null;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system", "mysql");
            activity.SetTag("db.system.name", "mysql");
            activity.SetTag("db.namespace", telemetry.Database);
            activity.SetTag("db.operation.name", operation);
            if (table is not null) activity.SetTag("db.collection.name", table);
            activity.SetTag("db.query.text", statement.Text);
            activity.SetTag("server.address", telemetry.ServerAddress);
            activity.SetTag("server.port", telemetry.ServerPort);
            if (telemetry.Sensitive)
            {
                for (var i = 0; i < statement.Values.Count; i++)
                {
                    activity.SetTag("db.query.parameter.p" + i.ToString(CultureInfo.InvariantCulture), ParameterText.Value(statement.Values[i]));
                }
            }
        }

        return activity;
    }
}
