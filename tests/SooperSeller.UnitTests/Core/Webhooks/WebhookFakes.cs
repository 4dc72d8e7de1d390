using System.Collections.Concurrent;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Webhooks;

/// <summary>In-memory ports of the webhook pipeline that write every step into one shared journal, so tests see the order.</summary>
internal sealed class WebhookFakes
{
    public List<string> Journal { get; } = [];

    public Dictionary<string, ShopEntry> Shops { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    public List<ShopifyWebhookMessage> Queued { get; } = [];

    /// <summary>When set, enqueueing throws as an unreachable queue would.</summary>
    public bool FailEnqueue { get; set; }

    public FakeDirectory Directory => new(this);

    public FakeEvents Events => new(this);

    public FakeClaimChecks ClaimChecks => new(this);

    public FakeInbox Inbox => new(this);

    internal sealed class FakeDirectory(WebhookFakes fakes) : IShopDirectory
    {
        public Task<ShopEntry?> FindAsync(string shopDomain, CancellationToken cancellationToken) => Task.FromResult(fakes.Shops.GetValueOrDefault(shopDomain));

        public Task<ShopEntry?> RouteAsync(string shopDomain, CancellationToken cancellationToken) => FindAsync(shopDomain, cancellationToken);

        public Task<bool> TryClaimAsync(string shopDomain, MerchantId merchantId, string storeId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkDisconnectedAsync(string shopDomain, MerchantId merchantId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<ShopEntry> ListConnectedAcrossMerchantsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    internal sealed class FakeEvents(WebhookFakes fakes) : IWebhookEventLog
    {
        public Task<bool> SeenAsync(MerchantId merchantId, string topic, string eventId, CancellationToken cancellationToken) =>
            Task.FromResult(fakes.Keys.Contains($"{merchantId}|{topic}|e:{eventId}"));

        public Task RecordAsync(MerchantId merchantId, string topic, string eventId, string webhookId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            fakes.Journal.Add("record");
            fakes.Keys.Add($"{merchantId}|{topic}|e:{eventId}");
            return Task.CompletedTask;
        }
    }

    internal sealed class FakeClaimChecks(WebhookFakes fakes) : IWebhookClaimChecks
    {
        public Task SaveAsync(MerchantId merchantId, string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            fakes.Journal.Add("blob");
            fakes.Blobs[name] = payload.ToArray();
            return Task.CompletedTask;
        }

        public Task<ReadOnlyMemory<byte>?> ReadAsync(MerchantId merchantId, string name, CancellationToken cancellationToken) =>
            Task.FromResult(fakes.Blobs.TryGetValue(name, out var bytes) ? (ReadOnlyMemory<byte>?)bytes : null);

        public Task DeleteAsync(MerchantId merchantId, string name, CancellationToken cancellationToken)
        {
            fakes.Journal.Add("delete");
            fakes.Blobs.TryRemove(name, out _);
            return Task.CompletedTask;
        }
    }

    internal sealed class FakeInbox(WebhookFakes fakes) : IShopifyWebhookInbox
    {
        public Task EnqueueAsync(ShopifyWebhookMessage message, CancellationToken cancellationToken)
        {
            if (fakes.FailEnqueue)
            {
                throw new IOException("the queue is unreachable");
            }

            fakes.Journal.Add("enqueue");
            fakes.Queued.Add(message);
            return Task.CompletedTask;
        }
    }
}
