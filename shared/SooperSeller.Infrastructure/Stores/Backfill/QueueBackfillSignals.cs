using System.Text.Json;
using Azure.Storage.Queues;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores.Backfill;

/// <summary>A bulk operation's finish on the <c>backfill-signals</c> queue: ids only.</summary>
public sealed record BackfillSignalMessage(string MerchantId, string StoreId, string BulkOperationId);

/// <summary>
/// Queues the signal for the function that raises the orchestration's event: only a function binding gives a
/// <c>DurableTaskClient</c> in the Functions app, and Core's webhook handler has none.
/// </summary>
public sealed class QueueBackfillSignals(StorageClients storage) : IBackfillSignals
{
    public const string QueueName = "backfill-signals";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private QueueClient Queue => storage.Queues.GetQueueClient(QueueName);

    public async Task BulkOperationFinishedAsync(MerchantId merchantId, string storeId, string bulkOperationId, CancellationToken cancellationToken) =>
        await Queue.SendMessageAsync(JsonSerializer.Serialize(new BackfillSignalMessage(merchantId.Value, storeId, bulkOperationId), Json), cancellationToken);
}
