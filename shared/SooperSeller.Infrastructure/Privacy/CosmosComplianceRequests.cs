using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Privacy;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Privacy;

/// <summary>Compliance requests as documents <c>request_&lt;id&gt;</c> in the merchant's partition of <c>compliance</c> (kept 5 years).</summary>
public sealed class CosmosComplianceRequests(TenantStore store) : IComplianceRequests
{
    private const string Prefix = "request_";

    private TenantContainer Container => store.For(TenantContainers.Compliance);

    public async Task<ComplianceRequest> GetOrCreateAsync(ComplianceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await Container.TryCreateAsync(request.MerchantId, RequestDocument.Of(request), cancellationToken);
        return created?.ToRequest(request.MerchantId)
            ?? await GetAsync(request.MerchantId, request.RequestId, cancellationToken)
            ?? throw new InvalidOperationException("The compliance request vanished while it was being read.");
    }

    public async Task<ComplianceRequest?> GetAsync(MerchantId merchantId, string requestId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(requestId) || requestId.IndexOfAny(['/', '\\', '#', '?']) >= 0
            ? null
            : (await Container.ReadAsync<RequestDocument>(merchantId, Prefix + requestId, cancellationToken))?.ToRequest(merchantId);

    public async Task<ComplianceRequest> SaveAsync(ComplianceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await Container.UpsertAsync(request.MerchantId, RequestDocument.Of(request), cancellationToken)).ToRequest(request.MerchantId);
    }

    public async Task<IReadOnlyList<ComplianceRequest>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var requests = new List<ComplianceRequest>();
        var query = new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.id, @prefix)").WithParameter("@prefix", Prefix);
        await foreach (var document in Container.QueryAsync<RequestDocument>(merchantId, query, cancellationToken))
        {
            requests.Add(document.ToRequest(merchantId));
        }

        return [.. requests.OrderByDescending(r => r.ReceivedAt)];
    }

    private sealed record RequestDocument : TenantDocument
    {
        public string RequestId { get; init; } = string.Empty;

        public string StoreId { get; init; } = string.Empty;

        public string Topic { get; init; } = string.Empty;

        public DateTimeOffset ReceivedAt { get; init; }

        public DateTimeOffset DueAt { get; init; }

        public string Status { get; init; } = ComplianceRequest.Received;

        public DateTimeOffset? CompletedAt { get; init; }

        public long? ShopifyRequestId { get; init; }

        public int OrdersAffected { get; init; }

        public bool HasPackage { get; init; }

        public static RequestDocument Of(ComplianceRequest request) => new()
        {
            Id = Prefix + request.RequestId,
            RequestId = request.RequestId,
            StoreId = request.StoreId,
            Topic = request.Topic,
            ReceivedAt = request.ReceivedAt,
            DueAt = request.DueAt,
            Status = request.Status,
            CompletedAt = request.CompletedAt,
            ShopifyRequestId = request.ShopifyRequestId,
            OrdersAffected = request.OrdersAffected,
            HasPackage = request.HasPackage,
        };

        public ComplianceRequest ToRequest(MerchantId merchantId) => new(RequestId, merchantId, StoreId, Topic, ReceivedAt, DueAt)
        {
            Status = Status,
            CompletedAt = CompletedAt,
            ShopifyRequestId = ShopifyRequestId,
            OrdersAffected = OrdersAffected,
            HasPackage = HasPackage,
            Version = ETag,
        };
    }
}
