using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Privacy;

/// <summary>
/// A data-subject request received from Shopify's compliance webhooks (customers/data_request, customers/redact,
/// shop/redact), kept 5 years in <c>compliance</c> as the record that it was handled within 30 days. It holds no personal
/// data: which store, which topic, Shopify's request id, how many orders were affected, when, and the package's name.
/// </summary>
public sealed record ComplianceRequest(
    string RequestId,
    MerchantId MerchantId,
    string StoreId,
    string Topic,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt)
{
    /// <summary>Shopify has 30 days for the app to complete a compliance request.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromDays(30);

    public const string Received = "received";
    public const string Completed = "completed";

    public string Status { get; init; } = Received;

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Shopify's <c>data_request.id</c>, when it sent one.</summary>
    public long? ShopifyRequestId { get; init; }

    /// <summary>How many order documents were erased (redact) or exported (data request).</summary>
    public int OrdersAffected { get; init; }

    /// <summary>For a data request: that the package for the store owner is ready (<c>GET /api/privacy/requests/{id}/package</c>).</summary>
    public bool HasPackage { get; init; }

    public string? Version { get; init; }

    /// <summary>One request per Shopify event, so a redelivered webhook finds its request again.</summary>
    public static string IdFor(string eventId) => "shopify-" + eventId;
}

/// <summary>Compliance requests, in the merchant's partition of <c>compliance</c>.</summary>
public interface IComplianceRequests
{
    /// <summary>The request, creating it if this is its first delivery.</summary>
    Task<ComplianceRequest> GetOrCreateAsync(ComplianceRequest request, CancellationToken cancellationToken);

    Task<ComplianceRequest?> GetAsync(MerchantId merchantId, string requestId, CancellationToken cancellationToken);

    Task<ComplianceRequest> SaveAsync(ComplianceRequest request, CancellationToken cancellationToken);

    /// <summary>The merchant's requests, newest first.</summary>
    Task<IReadOnlyList<ComplianceRequest>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken);
}

/// <summary>Data-request packages for the store owner (machine-readable JSON), in blob storage under the merchant.</summary>
public interface IDataRequestPackages
{
    Task SaveAsync(MerchantId merchantId, string requestId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);

    /// <summary>The package's JSON, or null when there is none.</summary>
    Task<byte[]?> ReadAsync(MerchantId merchantId, string requestId, CancellationToken cancellationToken);
}

/// <summary>
/// Copies of webhook payloads waiting in claim-check blobs (unprocessed or parked in a poison queue) are personal data
/// too: redaction deletes those of the store that mention the customer (or all of the store's, for shop/redact).
/// </summary>
public interface IWebhookPayloadPurge
{
    /// <summary>
    /// Deletes the store's waiting payloads for which <paramref name="mentions"/> is true, except the one being
    /// processed (<paramref name="exceptWebhookId"/>, deleted when its processing ends). Returns how many were deleted.
    /// </summary>
    Task<int> PurgeAsync(MerchantId merchantId, string storeId, Func<ReadOnlyMemory<byte>, bool> mentions, string exceptWebhookId, CancellationToken cancellationToken);
}
