using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Functions.Platform;

/// <summary>
/// Every 5 minutes, reports each poison queue's depth as the metric <c>PoisonQueueDepth</c> (dimension <c>Queue</c>),
/// which the poison-queue alert in infra/modules watches. Replay with the DevHost's <c>replay</c> command.
/// </summary>
public sealed partial class MeasurePoisonQueues(PoisonQueueMonitor monitor, ILogger<MeasurePoisonQueues> logger)
{
    public const string MetricName = "PoisonQueueDepth";

    [Function(nameof(MeasurePoisonQueues))]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var depth in await monitor.MeasureAsync(cancellationToken))
        {
            logger.LogMetric(MetricName, depth.Messages, new Dictionary<string, object> { ["Queue"] = depth.Queue });
            if (depth.Messages > 0)
            {
                Log.Waiting(logger, depth.Messages, depth.Queue);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "{Messages} message(s) wait in {Queue}; fix the cause, then replay them")]
        public static partial void Waiting(ILogger logger, int messages, string queue);
    }
}
