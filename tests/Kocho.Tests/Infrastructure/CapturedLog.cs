using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kocho.Tests.Infrastructure;

/// <summary>
/// Keeps the host's warnings and errors so a test can fail on any server error, and the text of every line the
/// portal would write to its console (information and up, as configured) so a test can scan it for personal data.
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every line logged at information level or above, with its exception.</summary>
    public IEnumerable<string> Lines => _lines;

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => _entries.ToList();

    public IEnumerable<string> Errors => _entries.Where(e => e.Level >= LogLevel.Error)
        .Select(e => $"{e.Category}: {e.Message} {e.Exception}");

    /// <summary>Takes over what another log kept (a copied site's setup).</summary>
    internal void Add(CapturedLog other)
    {
        foreach (var entry in other._entries) _entries.Enqueue(entry);
        foreach (var line in other._lines) _lines.Enqueue(line);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            owner._lines.Enqueue($"{logLevel} {category}: {message} {exception}");
            if (logLevel >= LogLevel.Warning) owner._entries.Enqueue((logLevel, category, message, exception));
        }
    }
}
