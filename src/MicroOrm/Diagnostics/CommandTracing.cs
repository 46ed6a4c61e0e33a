using System;
using System.Diagnostics;
using MySqlConnector;

namespace MicroOrm.Diagnostics;

/// <summary>Records one activity per command with OpenTelemetry's database attributes, only when someone listens.</summary>
internal static class CommandTracing
{
    public static void Start(MySqlConnection connection, SqlStatement statement)
    {
        var source = MicroOrmTelemetry.ActivitySource;
        if (!source.HasListeners()) return;
        var operation = OperationName(statement.Text);
        using var activity = source.StartActivity(operation, ActivityKind.Client);
        if (activity is null) return;
        activity.SetTag("db.system", "mysql");
        activity.SetTag("db.system.name", "mysql");
        activity.SetTag("db.namespace", connection.Database);
        activity.SetTag("db.operation.name", operation);
        activity.SetTag("db.query.text", statement.Text);
        activity.SetTag("server.address", connection.DataSource);
    }

    /// <summary>The statement's first keyword, upper-cased: SELECT, INSERT, UPDATE, DELETE, ...</summary>
    public static string OperationName(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        return end == 0 ? "SQL" : text[..end].ToString().ToUpperInvariant();
    }
}
