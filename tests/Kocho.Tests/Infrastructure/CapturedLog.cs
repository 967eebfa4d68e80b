using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kocho.Tests.Infrastructure;

/// <summary>Keeps the host's warnings and errors so a test can fail on any server error.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => _entries.ToList();

    public IEnumerable<string> Errors => _entries.Where(e => e.Level >= LogLevel.Error)
        .Select(e => $"{e.Category}: {e.Message} {e.Exception}");

    /// <summary>Takes over what another log kept (a copied site's setup).</summary>
    internal void Add(CapturedLog other)
    {
        foreach (var entry in other._entries) _entries.Enqueue(entry);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
        }
    }
}
