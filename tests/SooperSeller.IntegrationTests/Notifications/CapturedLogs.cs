using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SooperSeller.IntegrationTests.Notifications;

/// <summary>A logger provider that keeps every record as text: the message, its structured values, scopes and exception.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Records { get; } = new();

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The records that contain any of <paramref name="secrets"/>.</summary>
    public IReadOnlyList<string> Containing(params string[] secrets) =>
        Records.Where(r => secrets.Any(s => r.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();

    private static string Describe(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? string.Empty;

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink.Records.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Records.Enqueue($"{category} {logLevel}: {formatter(state, exception)} [{Describe(state)}] {exception}");
    }
}
