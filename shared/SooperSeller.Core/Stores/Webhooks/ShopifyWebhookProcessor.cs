namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>What processing did with a queued delivery (the queue function logs it).</summary>
public enum ShopifyWebhookProcessing
{
    /// <summary>Every handler of the topic ran; the claim check is deleted.</summary>
    Handled,

    /// <summary>No handler takes the topic; the claim check is deleted.</summary>
    NoHandler,

    /// <summary>The claim check is gone: an earlier copy of this message finished, nothing to do.</summary>
    AlreadyProcessed,
}

/// <summary>
/// Runs the <see cref="IShopifyWebhookHandler"/>s of a queued delivery's topic over its claim-checked payload, then
/// deletes the payload. A handler's exception propagates, so the queue retries the message and finally parks it in the
/// poison queue, and the blob stays until a replayed copy succeeds. Handlers run one after another in registration
/// order; since a retry runs them all again, each must be idempotent.
/// </summary>
public sealed class ShopifyWebhookProcessor
{
    private readonly Dictionary<string, IShopifyWebhookHandler[]> _byTopic;
    private readonly IWebhookClaimChecks _claimChecks;

    public ShopifyWebhookProcessor(IEnumerable<IShopifyWebhookHandler> handlers, IWebhookClaimChecks claimChecks)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _claimChecks = claimChecks;
        _byTopic = handlers
            .SelectMany(handler => handler.Topics.Distinct(StringComparer.Ordinal).Select(topic => (Topic: topic, Handler: handler)))
            .GroupBy(pair => pair.Topic, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Handler).ToArray(), StringComparer.Ordinal);
    }

    public async Task<ShopifyWebhookProcessing> ProcessAsync(ShopifyWebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var webhook = message.ToWebhook();
        var merchantId = webhook.MerchantId;
        // Defence in depth: a message may only name a blob under its own merchant's prefix.
        if (!message.BlobName.StartsWith(merchantId.Value + "/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The webhook message names a claim check outside its merchant's prefix.");
        }

        if (!_byTopic.TryGetValue(webhook.Topic, out var handlers))
        {
            await _claimChecks.DeleteAsync(merchantId, message.BlobName, cancellationToken);
            return ShopifyWebhookProcessing.NoHandler;
        }

        if (await _claimChecks.ReadAsync(merchantId, message.BlobName, cancellationToken) is not { } payload)
        {
            return ShopifyWebhookProcessing.AlreadyProcessed;
        }

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(webhook, payload, cancellationToken);
        }

        await _claimChecks.DeleteAsync(merchantId, message.BlobName, cancellationToken);
        return ShopifyWebhookProcessing.Handled;
    }
}
