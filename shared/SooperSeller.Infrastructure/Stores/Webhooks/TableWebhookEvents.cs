using Azure.Data.Tables;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Webhooks;

/// <summary>
/// De-duplication keys of queued webhook deliveries (table <see cref="TableName"/>): partition = merchant, one row per
/// key: <c>event|{topic}|{eventId}</c> (the same across Shopify's duplicate deliveries of one event; with the topic,
/// since one event may fan out to several topics) and <c>webhook|{webhookId}</c> (one delivery, which newer Shopify
/// surfaces treat as the idempotency key). Point reads and writes only. Each row carries <c>ExpiresAt</c>, swept by
/// <see cref="KeyedStateSweep"/>.
/// </summary>
public sealed class TableWebhookEvents(StorageClients storage) : IWebhookEventLog
{
    public const string TableName = "webhookevents";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<bool> SeenAsync(MerchantId merchantId, string topic, string eventId, string webhookId, CancellationToken cancellationToken)
    {
        var byEvent = Table.GetEntityIfExistsAsync<TableEntity>(merchantId.Value, EventKey(topic, eventId), select: ["PartitionKey"], cancellationToken);
        if (eventId == webhookId)
        {
            // No event id came with the delivery (it fell back to the webhook id): one key, one read.
            return (await byEvent).HasValue;
        }

        var byWebhook = Table.GetEntityIfExistsAsync<TableEntity>(merchantId.Value, WebhookKey(webhookId), select: ["PartitionKey"], cancellationToken);
        return (await byEvent).HasValue | (await byWebhook).HasValue;
    }

    public async Task RecordAsync(MerchantId merchantId, string topic, string eventId, string webhookId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // Both rows share the merchant's partition: one entity-group transaction, one round trip.
        TableTransactionAction[] rows =
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(merchantId.Value, EventKey(topic, eventId)) { ["ExpiresAt"] = expiresAt }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(merchantId.Value, WebhookKey(webhookId)) { ["ExpiresAt"] = expiresAt }),
        ];
        await Table.SubmitTransactionAsync(rows, cancellationToken);
    }

    // Topics carry '/', which row keys may not: orders/create → orders.create.
    private static string EventKey(string topic, string eventId) => $"event|{topic.Replace('/', '.')}|{eventId}";

    private static string WebhookKey(string webhookId) => "webhook|" + webhookId;
}
