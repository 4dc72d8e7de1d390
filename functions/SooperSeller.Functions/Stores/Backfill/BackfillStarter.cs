using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Functions.Stores.Backfill;

/// <summary>
/// Schedules a store's backfill after its set-up succeeded, once per connection: not when this connection's backfill
/// completed, not while its orchestration runs. A finished instance (an earlier connection's, or one whose process died
/// and left the backfill unfinished) is purged first, so the deterministic instance id can be used again and finished
/// history does not linger.
/// </summary>
public static class BackfillStarter
{
    public static async Task<bool> StartIfNeededAsync(DurableTaskClient client, IStores stores, BackfillHandler handler, MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(handler);
        if (await stores.GetAsync(merchantId, storeId, cancellationToken) is not { } store || !BackfillHandler.ShouldRun(store))
        {
            return false;
        }

        var instanceId = BackfillOrchestrator.InstanceIdOf(merchantId.Value, storeId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
        {
            return false;
        }

        if (existing is not null)
        {
            await client.PurgeInstanceAsync(instanceId, cancellationToken);
        }

        await handler.MarkScheduledAsync(merchantId, storeId, cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), new BackfillInput(merchantId.Value, storeId).Format(), new StartOrchestrationOptions(instanceId), cancellationToken);
        return true;
    }
}
