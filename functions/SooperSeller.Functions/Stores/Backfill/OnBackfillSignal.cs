using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SooperSeller.Infrastructure.Stores.Backfill;

namespace SooperSeller.Functions.Stores.Backfill;

/// <summary>
/// Raises <see cref="BackfillOrchestrator.FinishedEvent"/> on the store's backfill when its bulk operation finished. An
/// instance that is gone or no longer waiting ignores it (its timer polls anyway), so the signal is never retried.
/// </summary>
public sealed partial class OnBackfillSignal(ILogger<OnBackfillSignal> logger)
{
    [Function(nameof(OnBackfillSignal))]
    public async Task Run(
        [QueueTrigger(QueueBackfillSignals.QueueName)] BackfillSignalMessage message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(client);
        var instanceId = BackfillOrchestrator.InstanceIdOf(message.MerchantId, message.StoreId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running })
        {
            Log.NotWaiting(logger, message.MerchantId, message.StoreId);
            return;
        }

        await client.RaiseEventAsync(instanceId, BackfillOrchestrator.FinishedEvent, message.BulkOperationId, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Bulk operation finished for merchant {MerchantId}, store {StoreId}, whose backfill is not waiting")]
        public static partial void NotWaiting(ILogger logger, string merchantId, string storeId);
    }
}
