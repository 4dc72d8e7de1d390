using System.Text.Json;
using Azure.Storage.Queues;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores;

/// <summary>A store's set-up request on the <c>store-setup</c> queue: ids only.</summary>
public sealed record StoreSetupMessage(string MerchantId, string StoreId);

/// <summary>Queues store work (<see cref="QueueName"/>); the queue function runs <see cref="StoreSetupHandler"/>.</summary>
public sealed class QueueStoreWork(StorageClients storage) : IStoreWork
{
    public const string QueueName = "store-setup";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private QueueClient Queue => storage.Queues.GetQueueClient(QueueName);

    public async Task EnqueueSetupAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        await Queue.SendMessageAsync(JsonSerializer.Serialize(new StoreSetupMessage(merchantId.Value, storeId), Json), cancellationToken);
}
