using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>An in-memory logger provider: every entry, with its level, event, rendered message, structured values and exception.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Clear() => _entries.Clear();

    public void Dispose()
    {
    }

    /// <summary>Everything an entry shows a reader: message, values, and the exception chain's messages.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.AllText));

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
{
    public string AllText
    {
        get
        {
            var text = Message + "\n" + string.Join("\n", Values.Select(v => $"{v.Key}={v.Value}"));
            for (var e = Exception; e is not null; e = e.InnerException) text += "\n" + e.Message + "\n" + e;
            return text;
        }
    }
}
