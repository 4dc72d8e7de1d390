using System.Text.Json;
using Azure.Storage.Queues;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Sync;

/// <summary>A store's incremental sync request on the <c>store-sync</c> queue: ids only.</summary>
public sealed record StoreSyncMessage(string MerchantId, string StoreId);

/// <summary>
/// Queues incremental syncs (<see cref="QueueName"/>), one message kind per kind of work: the set-up keeps
/// <c>store-setup</c>, so a slow sync never delays a webhook repair and each has its own poison queue.
/// </summary>
public sealed class QueueStoreSync(StorageClients storage) : IStoreSyncWork
{
    public const string QueueName = "store-sync";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private QueueClient Queue => storage.Queues.GetQueueClient(QueueName);

    public async Task EnqueueSyncAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        await Queue.SendMessageAsync(JsonSerializer.Serialize(new StoreSyncMessage(merchantId.Value, storeId), Json), cancellationToken);
}
