using System.Collections.Concurrent;
using System.Text;
using SooperSeller.Core.Stores.Webhooks;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// A webhook handler for tests: takes the order and compliance topics, records what it applied, and fails every call
/// while <see cref="Failing"/> is set (as a handler with a bug would, until it is fixed).
/// </summary>
public sealed class RecordingWebhookHandler : IShopifyWebhookHandler
{
    private int _attempts;
    private volatile bool _failing;

    public IReadOnlyCollection<string> Topics { get; } =
        ["orders/create", "orders/updated", "orders/cancelled", "orders/delete", "customers/data_request", "customers/redact", "shop/redact"];

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Every successful call: the delivery and its payload as text.</summary>
    public ConcurrentQueue<(ShopifyWebhook Webhook, string Payload)> Applied { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    public Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failing)
        {
            throw new InvalidOperationException("The test handler is failing on purpose.");
        }

        Applied.Enqueue((webhook, Encoding.UTF8.GetString(payload.Span)));
        return Task.CompletedTask;
    }

    public IReadOnlyList<ShopifyWebhook> AppliedFor(string shopDomain) =>
        [.. Applied.Select(a => a.Webhook).Where(w => w.ShopDomain == shopDomain)];
}
