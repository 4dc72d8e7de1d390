namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// The topics ingestion treats specially. Shopify keeps sending the compliance topics after the app is uninstalled
/// (<c>shop/redact</c> comes 48 hours later), so they, and <c>app/uninstalled</c> itself, still reach processing for a
/// disconnected store; every other topic of a disconnected store is acknowledged and dropped.
/// </summary>
public static class ShopifyWebhookTopics
{
    public const string AppUninstalled = "app/uninstalled";
    public const string CustomersDataRequest = "customers/data_request";
    public const string CustomersRedact = "customers/redact";
    public const string ShopRedact = "shop/redact";

    /// <summary>The mandatory privacy-law topics (shopify.md 2.3): declared in the app's toml, never through the Admin API.</summary>
    public static IReadOnlyCollection<string> Compliance { get; } = [CustomersDataRequest, CustomersRedact, ShopRedact];

    /// <summary>Whether a delivery for a disconnected store must still be processed.</summary>
    public static bool ProcessedWhenDisconnected(string topic) =>
        topic is AppUninstalled or CustomersDataRequest or CustomersRedact or ShopRedact;
}
