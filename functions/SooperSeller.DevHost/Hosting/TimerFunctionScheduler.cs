using System.Reflection;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Runs timer functions on their six-field CRON schedules (seconds first, as Functions' NCRONTAB) in the zone
/// <c>WEBSITE_TIME_ZONE</c> names (UTC by default), on the injected <see cref="TimeProvider"/> so tests can move time.
/// <see cref="TimerInfo.IsPastDue"/> is set when an invocation starts after the following occurrence was already due
/// (the host fell behind by at least a whole period); missed occurrences then run once, not once each, as in Functions.
/// A failing invocation is logged and the schedule goes on.
/// </summary>
internal sealed partial class TimerFunctionScheduler(
    FunctionCatalog catalog,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    FunctionInvocations invocations,
    ILogger<TimerFunctionScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Where(f => !FunctionSwitch.IsDisabled(f.Name, configuration)).Select(function => RunAsync(function, stoppingToken)));

    public static CronExpression ParseSchedule(string schedule) =>
        schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CronExpression.Parse(schedule, CronFormat.IncludeSeconds)
            : throw new FormatException($"Timer schedule '{schedule}' is not a six-field CRON expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).");

    private async Task RunAsync(TimerFunction function, CancellationToken cancellationToken)
    {
        var schedule = ParseSchedule(SettingReference.Resolve(function.Schedule, configuration));
        var zone = configuration["WEBSITE_TIME_ZONE"] is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
        var last = time.GetUtcNow();
        if (function.RunOnStartup)
        {
            await InvokeAsync(function, new TimerInfo { IsPastDue = false, ScheduleStatus = Status(null, schedule.GetNextOccurrence(last, zone), last) }, cancellationToken);
        }

        try
        {
            while (schedule.GetNextOccurrence(last, zone) is { } due)
            {
                var wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                var now = time.GetUtcNow();
                var following = schedule.GetNextOccurrence(due, zone);
                var pastDue = following is { } f && now >= f;
                await InvokeAsync(function, new TimerInfo { IsPastDue = pastDue, ScheduleStatus = Status(last, schedule.GetNextOccurrence(now, zone), now) }, cancellationToken);
                last = pastDue ? now : due;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // host stopping
        }
    }

    private async Task InvokeAsync(TimerFunction function, TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function.Name, function.Method, scope.ServiceProvider, invocations, (ParameterInfo parameter, out object? value) =>
            {
                value = parameter.ParameterType == typeof(TimerInfo) ? timer
                    : parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
                    : null;
                return value is not null;
            });
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Failed(logger, exception, function.Name, exception.GetType().Name);
        }
    }

    private static ScheduleStatus Status(DateTimeOffset? last, DateTimeOffset? next, DateTimeOffset now) => new()
    {
        Last = last?.UtcDateTime ?? default,
        Next = next?.UtcDateTime ?? default,
        LastUpdated = now.UtcDateTime,
    };

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "Timer function {Function} failed: {ExceptionType}")]
        public static partial void Failed(ILogger logger, Exception exception, string function, string exceptionType);
    }
}
