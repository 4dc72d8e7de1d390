using System.Text.Json.Serialization;

namespace SooperSeller.Infrastructure.Cosmos;

/// <summary>
/// The stored shape every Cosmos document shares. <see cref="TenantContainer"/> stamps <see cref="MerchantId"/> from the
/// <c>MerchantId</c> the caller passes, so a document can never be written into another merchant's partition.
/// </summary>
public abstract record TenantDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("merchantId")]
    public string MerchantId { get; set; } = string.Empty;

    /// <summary>Set by Cosmos on every write; pass it back as <c>ifMatch</c> for optimistic concurrency.</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    /// <summary>Per-item time to live in seconds (needs a container TTL, which may be -1: on, no default).</summary>
    [JsonPropertyName("ttl")]
    public int? TimeToLiveSeconds { get; set; }
}
