using System.Text.Json;
using SooperSeller.Core.Stores.Backfill;

namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// <c>bulk_operations/finish</c>: wakes the store's backfill as soon as its bulk operation finished, instead of at its
/// next poll. Only the operation the backfill's checkpoint names is signalled (a merchant's other apps' operations never
/// reach us, but an older one of ours might); a duplicate or late delivery signals an orchestration that is no longer
/// waiting, which does nothing. The payload holds ids, states and times only.
/// </summary>
public sealed class BulkOperationFinishedHandler(IBackfillCheckpoints checkpoints, IBackfillSignals signals) : IShopifyWebhookHandler
{
    public const string Topic = "bulk_operations/finish";

    public IReadOnlyCollection<string> Topics { get; } = [Topic];

    public async Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        string? bulkOperationId;
        using (var document = JsonDocument.Parse(payload))
        {
            bulkOperationId = document.RootElement.TryGetProperty("admin_graphql_api_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }

        if (bulkOperationId is null
            || await checkpoints.GetAsync(webhook.MerchantId, webhook.StoreId, cancellationToken) is not { Completed: false } checkpoint
            || !string.Equals(checkpoint.BulkOperationId, bulkOperationId, StringComparison.Ordinal))
        {
            return;
        }

        await signals.BulkOperationFinishedAsync(webhook.MerchantId, webhook.StoreId, bulkOperationId, cancellationToken);
    }
}
