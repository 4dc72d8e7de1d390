using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Stores;

/// <summary>What ingestion did, for Shopify (which only looks at the 200) and for whoever reads the delivery log.</summary>
public sealed record ShopifyWebhookReceipt(ShopifyWebhookOutcome Outcome);

/// <summary>
/// <c>POST /api/webhooks/shopify</c>: every topic Shopify sends us, compliance topics included. Verified by signature
/// before it runs (<see cref="ShopifyHmacAttribute"/>), then kept and queued in milliseconds (Shopify gives up after 5
/// seconds and retries); processing happens from the queue. Anything that is not Shopify's fault is a 200 so Shopify
/// does not retry it: an unknown shop, a disconnected store, a duplicate.
/// </summary>
public sealed partial class ReceiveShopifyWebhook(ShopifyWebhookIngestion ingestion, TimeProvider time, ILogger<ReceiveShopifyWebhook> logger)
{
    [Function(nameof(ReceiveShopifyWebhook))]
    [ShopifyHmac]
    [RequestBodyLimit(RequestBodyLimits.ShopifyWebhook)]
    [Responds(StatusCodes.Status200OK, typeof(ShopifyWebhookReceipt), Description = "Taken: queued, a duplicate, or ignored (unknown shop, disconnected store).")]
    [Responds(StatusCodes.Status400BadRequest, Description = "X-Shopify-Topic, X-Shopify-Shop-Domain or X-Shopify-Webhook-Id is missing or malformed, or the body is not a JSON object; errors name each.")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/shopify")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var delivery = ShopifyWebhookDeliveryReader.Read(request.Headers, request.GetShopifySignedBody().Bytes, time.GetUtcNow());
        var outcome = await ingestion.ReceiveAsync(delivery, cancellationToken);
        // Ids and topics only: payloads and shop names may carry personal data and never reach logs.
        switch (outcome)
        {
            case ShopifyWebhookOutcome.UnknownShop:
                Log.UnknownShop(logger, delivery.Topic, delivery.WebhookId);
                break;
            case ShopifyWebhookOutcome.Disconnected:
                Log.Disconnected(logger, delivery.Topic, delivery.WebhookId);
                break;
            case ShopifyWebhookOutcome.Duplicate:
                Log.Duplicate(logger, delivery.Topic, delivery.EventId, delivery.WebhookId);
                break;
        }

        return TypedResults.Ok(new ShopifyWebhookReceipt(outcome));
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Shopify webhook {Topic} ({WebhookId}) for a shop no store holds: ignored")]
        public static partial void UnknownShop(ILogger logger, string topic, string webhookId);

        [LoggerMessage(LogLevel.Information, "Shopify webhook {Topic} ({WebhookId}) for a disconnected store: ignored")]
        public static partial void Disconnected(ILogger logger, string topic, string webhookId);

        [LoggerMessage(LogLevel.Information, "Shopify webhook {Topic} event {EventId} ({WebhookId}) seen before: not queued again")]
        public static partial void Duplicate(ILogger logger, string topic, string eventId, string webhookId);
    }
}
