using System.Text.Json;
using Azure.Storage.Queues;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Webhooks;

/// <summary>Queue <see cref="QueueName"/>: one <see cref="ShopifyWebhookMessage"/> (ids and the blob's name) per kept delivery.</summary>
public sealed class QueueShopifyWebhooks(StorageClients storage) : IShopifyWebhookInbox
{
    public const string QueueName = "shopify-webhooks";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private QueueClient Queue => storage.Queues.GetQueueClient(QueueName);

    public async Task EnqueueAsync(ShopifyWebhookMessage message, CancellationToken cancellationToken) =>
        await Queue.SendMessageAsync(JsonSerializer.Serialize(message, Json), cancellationToken);
}
