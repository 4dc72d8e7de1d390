using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Infrastructure.Stores.Webhooks;

namespace SooperSeller.Functions.Stores;

/// <summary>
/// Processes a queued Shopify delivery (<see cref="ShopifyWebhookProcessor"/>). Failures propagate: the host retries,
/// then parks the message in <c>shopify-webhooks-poison</c> with its claim-check blob kept, until
/// <c>replay shopify-webhooks</c> puts it back.
/// </summary>
public sealed partial class OnShopifyWebhook(ShopifyWebhookProcessor processor, ILogger<OnShopifyWebhook> logger)
{
    [Function(nameof(OnShopifyWebhook))]
    public async Task Run([QueueTrigger(QueueShopifyWebhooks.QueueName)] ShopifyWebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (await processor.ProcessAsync(message, cancellationToken))
        {
            case ShopifyWebhookProcessing.NoHandler:
                Log.NoHandler(logger, message.Topic, message.WebhookId);
                break;
            case ShopifyWebhookProcessing.AlreadyProcessed:
                Log.AlreadyProcessed(logger, message.Topic, message.WebhookId);
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "No handler takes Shopify topic {Topic} ({WebhookId}); payload deleted")]
        public static partial void NoHandler(ILogger logger, string topic, string webhookId);

        [LoggerMessage(LogLevel.Information, "Shopify webhook {Topic} ({WebhookId}) was processed already; nothing to do")]
        public static partial void AlreadyProcessed(ILogger logger, string topic, string webhookId);
    }
}
