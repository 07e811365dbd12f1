using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Fuzz;

/// <summary>Keeps every log entry of the app under fuzz, so a test can assert that nothing blew up inside.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>
    /// What counts as an unhandled exception: an error logged with its exception (handled-and-logged failures
    /// included, since they mean a request reached code that threw), or ASP.NET's unhandled-exception entry.
    /// </summary>
    public IReadOnlyList<LogEntry> Failures => Entries
        .Where(e => (e.Level >= LogLevel.Error && e.Exception is not null)
                    || e.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase))
        .ToList();

    public ILogger CreateLogger(string categoryName) => new Collector(_entries, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<LogEntry> entries, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}: {Message}{(Exception is null ? "" : $"\n    {Exception.GetType().Name}: {Exception.Message}\n{Exception.StackTrace}")}";
}
