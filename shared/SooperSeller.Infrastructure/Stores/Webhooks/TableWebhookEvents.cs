using Azure.Data.Tables;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Webhooks;

/// <summary>
/// De-duplication keys of queued webhook deliveries (table <see cref="TableName"/>): partition = merchant, one row per
/// key <c>event|{topic}|{eventId}</c> (topics' <c>/</c> written <c>.</c>, which keys may not hold), with the delivery's
/// <c>WebhookId</c> and <c>ExpiresAt</c> (swept by <see cref="KeyedStateSweep"/>). Point reads and writes only. Row keys
/// are unique across the table, not only within the partition: the storage emulator finds a row through its row key
/// first, so a shared row key would make every read scan the week's keys.
/// </summary>
public sealed class TableWebhookEvents(StorageClients storage) : IWebhookEventLog
{
    public const string TableName = "webhookevents";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<bool> SeenAsync(MerchantId merchantId, string topic, string eventId, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(merchantId.Value, RowOf(topic, eventId), select: ["PartitionKey"], cancellationToken)).HasValue;

    public async Task RecordAsync(MerchantId merchantId, string topic, string eventId, string webhookId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(
            new TableEntity(merchantId.Value, RowOf(topic, eventId)) { ["WebhookId"] = webhookId, ["ExpiresAt"] = expiresAt },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string RowOf(string topic, string eventId) => $"event|{topic.Replace('/', '.')}|{eventId}";
}
