using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Infrastructure;

/// <summary>Every log line the app writes (at the levels its settings let through), for tests about what operators read.</summary>
public sealed class AppLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => [.. _lines];

    public IReadOnlyList<string> At(LogLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Collector(_lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<(LogLevel, string, string)> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
